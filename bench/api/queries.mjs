// The API benchmark's 200 searches (deterministic): rare words, common + rare, one common word,
// rare words filtered to publications from a year on, and filter-only browsing of a year's
// events. Shared by run.mjs and concurrency-floor.mjs so both time the same work.
export function benchQueries(vocabulary) {
  const queries = [];
  for (let index = 0; queries.length < 200; index++) {
    const rare = vocabulary[2000 + ((index * 7919) % 20000)];
    const common = vocabulary[index % 30];
    const year = String(1995 + (index % 30));
    const shape = index % 10;
    if (shape < 4) queries.push({ text: rare });
    else if (shape < 6) queries.push({ text: `${common} ${rare}` });
    else if (shape < 7) queries.push({ text: common });
    else if (shape < 9) queries.push({ text: rare, filters: { kind: ["publication"], from: year } });
    else queries.push({ text: "", filters: { kind: ["event"], from: year, to: year } });
  }
  return queries.map(fullQuery);
}

/** A search as the store takes it: every field the REST face fills in for a bare text + filters. */
export function fullQuery(query) {
  return {
    text: "",
    mode: "simple",
    scope: "all",
    filters: {},
    sort: "relevance",
    limit: 20,
    facets: true,
    ...query,
  };
}
