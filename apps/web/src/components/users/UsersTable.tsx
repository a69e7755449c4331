import { formatBeijingTime, ROLES, type Region, type User } from '@dispatch/core';
import { Fragment, useState } from 'react';
import { EditUser } from './EditUser.tsx';
import { ResetPassword } from './ResetPassword.tsx';
import { StopStart } from './StopStart.tsx';

/** Every account with its post and region, and what the administrator may do to it (never stop themselves). */
export function UsersTable({ users, regions, self }: { users: readonly User[]; regions: readonly Region[]; self: string }) {
  const [resetting, setResetting] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const nameOf = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
  return (
    <div className="table-wrap">
      <table className="ranking users">
        <thead>
          <tr>
            <th scope="col">登录名</th><th scope="col">姓名/单位</th><th scope="col">岗位</th><th scope="col">所属地区</th>
            <th scope="col">创建时间</th><th scope="col">密码修改时间</th><th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <Fragment key={u.id}>
              <tr data-login={u.login} className={u.disabledAt ? 'disabled' : undefined}>
                <th scope="row">
                  {u.login}
                  {u.demo && <span className="tag tag-demo">演示</span>}
                  {u.disabledAt && <span className="tag tag-stopped">已停用</span>}
                </th>
                <td>{u.displayName}</td>
                <td>{ROLES[u.role]}</td>
                <td>{nameOf(u.regionCode)}</td>
                <td>{formatBeijingTime(u.createdAt)}</td>
                <td>{formatBeijingTime(u.passwordChangedAt)}</td>
                <td className="actions">
                  {resetting === u.login ? (
                    <ResetPassword login={u.login} onDone={() => setResetting(null)} />
                  ) : (
                    <>
                      <button type="button" className="link-button" onClick={() => setEditing(editing === u.login ? null : u.login)}>编辑</button>
                      <button type="button" className="link-button" onClick={() => setResetting(u.login)}>重设密码</button>
                      {u.login !== self && <StopStart user={u} />}
                    </>
                  )}
                </td>
              </tr>
              {editing === u.login && (
                <tr className="edit-row">
                  <td colSpan={7}><EditUser user={u} regions={regions} onDone={() => setEditing(null)} /></td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
