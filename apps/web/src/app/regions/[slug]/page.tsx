import type { Metadata } from "next";
import { EntityPage, fetchEntity } from "@/components/entity-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await fetchEntity("region", (await params).slug);
  return { title: loaded.ok ? loaded.data.entity.name : "Region" };
}

export default async function Page({ params }: Props) {
  return <EntityPage kind="region" segment={(await params).slug} />;
}
