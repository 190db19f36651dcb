const KEY_NAME = /^[A-Za-z_$][\w$.-]{0,63}$/;

/**
 * Whether a key from a file may be quoted in an error: short and shaped like a name (`colour`, `client-mfa`). Keys
 * of any other shape are content (a line of /etc/shadow read as a YAML key), and an error never echoes content.
 */
export function isKeyName(key: string): boolean {
  return KEY_NAME.test(key);
}
