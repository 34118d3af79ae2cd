import { isDocument } from "@corpus/schema";
import { describe, expect, it } from "vitest";
import { extractHtml } from "./html-input.js";
import { parseInput } from "./index.js";

// A saved event page written for this test: the site's banner and navigation outside <main>, and
// the event's own <header> (title, date, time) inside its <article>.
const page = `<!doctype html><html><head><title>Events | Lakeside Peace Council</title></head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/events">Events</a></nav><p>Lakeside Peace Council</p></header>
<main><article class="event">
  <header class="event-hero">
    <h1>River Truces After the Floods: What Holds and Why</h1>
    <p class="event-date">Wednesday, March 8, 2023</p>
    <p class="event-time">10:00am - 11:30am ET</p>
    <p class="event-location">Virtual Event</p>
  </header>
  <p>On March 8, the Lakeside Peace Council hosted a discussion with negotiators from both banks on the local truces that let repair crews reach the dams.</p>
  <h2>Speakers</h2>
  <p>Amira Haddad, moderator<br>Director, Lakeside Peace Council</p>
  <footer class="event-footer"><p>Topics: Mediation; Water</p></footer>
</article></main>
<footer class="site-footer"><p>Copyright Lakeside Peace Council</p></footer>
</body></html>`;

describe("HTML pages", () => {
  it("keeps an article's own header and footer, and drops the site's", () => {
    const { text } = extractHtml(page);
    expect(text).toContain("River Truces After the Floods");
    expect(text).toContain("Wednesday, March 8, 2023");
    expect(text).toContain("Topics: Mediation; Water");
    expect(text).not.toContain("Home");
    expect(text).not.toContain("Copyright");
  });

  it("reads the title, the full date and the venue from the event's header, not the year-less date of its prose", () => {
    const parsed = parseInput({ path: "river-truces.html", bytes: new TextEncoder().encode(page) });
    const event = parsed.records.find(isDocument);
    expect(event).toMatchObject({
      kind: "event",
      title: "River Truces After the Floods: What Holds and Why",
      date: { year: 2023, month: 3, day: 8 },
      location: "Virtual Event",
    });
    expect(event?.titleDerived).toBe(false);
  });
});
