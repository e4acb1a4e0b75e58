import type { UserSummary } from "@/lib/auth/users";
import { RemoveUserButton } from "./remove-user-button";
import { ResetPasswordForm } from "./reset-password-form";
import { RoleSelect } from "./role-select";

export function UsersTable({ users, currentUserId }: { users: UserSummary[]; currentUserId: string }) {
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-zinc-200 text-zinc-500 dark:border-zinc-800">
        <tr>
          <th className="py-2 pr-4 font-medium">Username</th>
          <th className="py-2 pr-4 font-medium">Role</th>
          <th className="py-2 pr-4 font-medium">Password</th>
          <th className="py-2 font-medium"><span className="sr-only">Remove</span></th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} className="border-b border-zinc-100 align-top dark:border-zinc-800">
            <td className="py-2 pr-4 font-mono">
              {u.username}
              {u.id === currentUserId ? <span className="ml-2 text-zinc-500">(you)</span> : null}
            </td>
            <td className="py-2 pr-4"><RoleSelect userId={u.id} username={u.username} role={u.role} /></td>
            <td className="py-2 pr-4"><ResetPasswordForm userId={u.id} username={u.username} /></td>
            <td className="py-2">{u.id === currentUserId ? null : <RemoveUserButton userId={u.id} username={u.username} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
