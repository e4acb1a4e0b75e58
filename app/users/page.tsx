import type { Metadata } from "next";
import { AddUserForm } from "@/components/users/add-user-form";
import { UsersTable } from "@/components/users/users-table";
import { requirePageRole } from "@/lib/auth/guard";
import { listUsers } from "@/lib/auth/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const operator = await requirePageRole("admin");
  const users = await listUsers();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      <section className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-950">
        <h2 className="mb-4 font-medium">Add a user</h2>
        <AddUserForm />
      </section>
      <section className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-950">
        <UsersTable users={users} currentUserId={operator.id} />
      </section>
    </div>
  );
}
