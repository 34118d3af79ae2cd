import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/trpc/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Corpus", template: "%s · Corpus" },
  description: "A typed, searchable library of peace-and-conflict publications and events.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f4f5f7" },
    { media: "(prefers-color-scheme: dark)", color: "#1c1f24" },
  ],
};

const navigation = [
  { href: "/", label: "Search" },
  { href: "/explore", label: "Explore" },
  { href: "/people", label: "People" },
  { href: "/organizations", label: "Organizations" },
  { href: "/topics", label: "Topics" },
  { href: "/regions", label: "Regions" },
];

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="inner">
            <Link href="/" className="brand">
              Corpus
            </Link>
            <nav aria-label="Main" className="site-nav">
              <ul>
                {navigation.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} prefetch={false}>
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <TRPCReactProvider>
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </TRPCReactProvider>
        <footer className="site-footer">
          Corpus: peace-and-conflict publications and events, every field traceable to its source.
        </footer>
      </body>
    </html>
  );
}
