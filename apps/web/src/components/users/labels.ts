/** The account forms' words for the fields a server message names. */
export const ACCOUNT_LABELS = { login: '登录名', displayName: '姓名/单位', role: '岗位', regionCode: '所属地区', password: '密码' };
