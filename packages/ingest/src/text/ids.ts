import {
  createDocumentId as documentIdOf,
  createOrganizationId as organizationIdOf,
  createPersonId as personIdOf,
  createTopicId as topicIdOf,
} from "@corpus/schema";

/**
 * The schema's id functions, remembered: a page names the same people, organizations and
 * topics many times, and a library names the same ones across pages, while each id costs a
 * Unicode normalisation and several regular expressions. Pure functions, so remembering them
 * changes nothing but the time; the cache is emptied when it grows past a few thousand names.
 */
function remembered(make: (name: string) => string): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let id = cache.get(name);
    if (id === undefined) {
      if (cache.size >= 4096) cache.clear();
      id = make(name);
      cache.set(name, id);
    }
    return id;
  };
}

export const createPersonId = remembered(personIdOf);
export const createOrganizationId = remembered(organizationIdOf);
export const createTopicId = remembered(topicIdOf);
export const createDocumentId = remembered(documentIdOf);
