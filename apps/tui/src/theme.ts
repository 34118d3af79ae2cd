import { createContext, useContext } from "react";

/**
 * Colours are decoration only: selection is also marked with "›" and inverse video, links with
 * "→", so with NO_COLOR (https://no-color.org) nothing is lost.
 */
export interface Theme {
  accent: string | undefined;
  link: string | undefined;
  muted: string | undefined;
  highlight: string | undefined;
  error: string | undefined;
  /** Dim text is an attribute, not a colour, but NO_COLOR users often read it as one. */
  dim: boolean;
}

export function createTheme(options: { noColor: boolean }): Theme {
  if (options.noColor) {
    return {
      accent: undefined,
      link: undefined,
      muted: undefined,
      highlight: undefined,
      error: undefined,
      dim: false,
    };
  }
  return { accent: "cyan", link: "blue", muted: "gray", highlight: "yellow", error: "red", dim: true };
}

export const ThemeContext = createContext<Theme>(createTheme({ noColor: false }));

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
