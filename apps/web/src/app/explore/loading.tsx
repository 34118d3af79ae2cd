// The same "Loading…" status as the search page's, while the explore page's charts are drawn.
export { default } from "../(search)/loading";
