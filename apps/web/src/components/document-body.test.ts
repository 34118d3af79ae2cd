import { describe, expect, it } from "vitest";
import { organizationsWithRoles } from "./document-body";

describe("the organizations of a document", () => {
  it("list each organization once, with every part it played", () => {
    const usip = { id: "org:united-states-institute-of-peace", name: "U.S. Institute of Peace" };
    const hanbit = { id: "org:hanbit-institute-for-unification-studies", name: "Hanbit Institute (HIUS)" };
    const listed = organizationsWithRoles([
      { organization: hanbit, role: "host" },
      { organization: { ...hanbit, name: "Hanbit Institute" }, role: "affiliation" },
      { organization: usip, role: "affiliation" },
      { organization: usip, role: "co-host" },
      { organization: usip, role: "co-host" },
    ]);
    expect(listed).toEqual([
      { organization: hanbit, roles: ["host", "affiliation"] },
      { organization: usip, roles: ["affiliation", "co-host"] },
    ]);
  });
});
