export type { Command } from "./command.js";
