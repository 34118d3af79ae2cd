import { EntityListPage, type EntityListPageProps } from "@/components/entity-list-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "People" };

export default async function Page({ searchParams }: EntityListPageProps) {
  return <EntityListPage kind="person" searchParams={await searchParams} />;
}
