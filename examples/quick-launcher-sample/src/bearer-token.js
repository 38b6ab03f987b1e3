// The `bearer` cookie, read as the real launcher reads it (src/models/base/bearer-token.js): its
// value is the token; a JWT payload that parses and has not expired gives the user and roles.

function readBearerCookie() {
  const cookie = (document.cookie || '')
    .split(';')
    .map((part) => part.trim())
    .map((part) => {
      const [key, value] = part.split('=');
      return { key, value };
    })
    .find((entry) => /^bearer$/i.test(entry.key));
  return cookie ? cookie.value : undefined;
}

function parseToken(value) {
  if (!value) return undefined;
  try {
    const payload = JSON.parse(atob(value.split('.')[1]));
    if (typeof payload.exp === 'number' && payload.exp * 1000 < Date.now()) return undefined;
    return payload;
  } catch {
    return undefined;
  }
}

/** The bearer cookie's token (undefined without one). */
export const bearerToken = readBearerCookie();

/** `{userName, roles: [{name}]}` from the token's JWT payload, if it is one. */
export const userInfoFromToken = (() => {
  const info = parseToken(bearerToken);
  return info ? { userName: info.sub, roles: (info.roles || []).map((name) => ({ name })) } : undefined;
})();
