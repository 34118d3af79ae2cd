import type { Document } from "@corpus/schema";
import { humanize, safeExternalUrl } from "@/lib/format";
import { EntityLink, EntityLinks } from "./entity-link";

const roleOrder = [
  "keynote",
  "welcoming-remarks",
  "speaker",
  "presenter",
  "panelist",
  "discussant",
  "moderator",
  "closing-remarks",
  "host",
  "interviewer",
  "interviewee",
  "author",
  "editor",
  "contributor",
  "quoted",
  "mentioned",
  "other",
];

/** People with their role, honorific, title and affiliations as the document gives them. */
export function DocumentPeople({ document }: { document: Document }) {
  if (!document.people.length) return null;
  const roles = [...new Set(document.people.map((item) => item.role))].sort(
    (left, right) => roleOrder.indexOf(left) - roleOrder.indexOf(right),
  );
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      {roles.map((role) => {
        const people = document.people.filter((item) => item.role === role);
        return (
          <div key={role}>
            <h3>
              {humanize(role)}
              {people.length > 1 && !role.endsWith("s") ? "s" : ""}
            </h3>
            <ul className="plain people-list">
              {people.map((item) => (
                <li key={`${item.person.id}-${item.role}`}>
                  {item.honorific ? <span className="muted">{item.honorific} </span> : null}
                  <EntityLink id={item.person.id} name={item.person.name} />
                  {item.roleLabel ? <span className="muted"> ({item.roleLabel})</span> : null}
                  {item.title ? <div className="small">{item.title}</div> : null}
                  {item.affiliations.length ? (
                    <div className="small">
                      <EntityLinks items={item.affiliations} />
                    </div>
                  ) : null}
                  {item.biography ? <p className="small muted section-text">{item.biography}</p> : null}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

export function DocumentAgenda({ document }: { document: Document }) {
  if (document.kind !== "event" || !document.agenda.length) return null;
  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">Agenda</h2>
      <ol className="plain">
        {document.agenda.map((item, index) => (
          <li key={index} style={{ marginBottom: "0.5rem" }}>
            {item.start ? (
              <strong>
                {item.start}
                {item.end ? `–${item.end}` : ""}:{" "}
              </strong>
            ) : null}
            {item.title}
            {item.people.length ? (
              <div className="small">
                <EntityLinks items={item.people} />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function DocumentSections({ document }: { document: Document }) {
  const sections = document.sections.filter(
    (section) => section.text.trim() || section.quotes.length || section.heading,
  );
  if (!sections.length) return null;
  return (
    <section aria-labelledby="text-heading">
      <h2 id="text-heading">Text</h2>
      {sections.map((section, index) => (
        <div key={index}>
          {section.heading ? <h3>{section.heading}</h3> : null}
          {section.text ? <p className="section-text">{section.text}</p> : null}
          {section.quotes.map((quote, quoteIndex) => {
            const url = safeExternalUrl(quote.url);
            return (
              <blockquote key={quoteIndex}>
                <p className="section-text">{quote.text}</p>
                {quote.source || quote.url ? (
                  <footer className="small muted">
                    {quote.source ? <>— {quote.source}</> : null}{" "}
                    {url ? (
                      <a href={url} rel="noopener noreferrer nofollow">
                        source
                      </a>
                    ) : quote.url ? (
                      <span>({quote.url})</span>
                    ) : null}
                  </footer>
                ) : null}
              </blockquote>
            );
          })}
        </div>
      ))}
    </section>
  );
}

/**
 * One entry per organization, with every part it played, in the order the record names them: a
 * co-host that is also the speakers' affiliation is listed once, "(affiliation, co-host)", not
 * twice. The name is the first one the record gives.
 */
type OrganizationReference = Document["organizations"][number]["organization"];

export function organizationsWithRoles(
  organizations: Document["organizations"],
): { organization: OrganizationReference; roles: string[] }[] {
  const byId = new Map<string, { organization: OrganizationReference; roles: string[] }>();
  for (const item of organizations) {
    const entry = byId.get(item.organization.id) ?? { organization: item.organization, roles: [] };
    if (!entry.roles.includes(item.role)) entry.roles.push(item.role);
    byId.set(item.organization.id, entry);
  }
  return [...byId.values()];
}

export function DocumentOrganizations({ document }: { document: Document }) {
  if (!document.organizations.length) return null;
  return (
    <section aria-labelledby="organizations-heading">
      <h2 id="organizations-heading">Organizations</h2>
      <ul className="plain">
        {organizationsWithRoles(document.organizations).map(({ organization, roles }) => (
          <li key={organization.id}>
            <EntityLink id={organization.id} name={organization.name} />{" "}
            <span className="muted small">
              ({roles.map((role) => humanize(role).toLowerCase()).join(", ")})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
