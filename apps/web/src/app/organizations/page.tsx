import { EntityListPage, type EntityListPageProps } from "@/components/entity-list-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Organizations" };

export default async function Page({ searchParams }: EntityListPageProps) {
  return <EntityListPage kind="organization" searchParams={await searchParams} />;
}
