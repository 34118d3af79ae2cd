import Link from "next/link";
import { entityPath } from "@/lib/ids";

/** A link to an entity's page, or its name as text when the id is not an entity id. */
export function EntityLink({ id, name }: { id: string; name: string }) {
  const path = entityPath(id);
  return path ? (
    <Link href={path} prefetch={false}>
      {name}
    </Link>
  ) : (
    <span>{name}</span>
  );
}

export function EntityLinks({ items }: { items: readonly { id: string; name: string }[] }) {
  return (
    <>
      {items.map((item, index) => (
        <span key={item.id}>
          {index > 0 ? ", " : ""}
          <EntityLink id={item.id} name={item.name} />
        </span>
      ))}
    </>
  );
}
