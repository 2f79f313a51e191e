/** `user:default/ada` is the author `Ada` (a GitHub login); case does not matter. */
export function isAuthor(userRef: string | undefined, author: string): boolean {
  if (!userRef) return false;
  const name = userRef.replace(/^.*[:/]/, '');
  return name.toLocaleLowerCase('en-US') === author.toLocaleLowerCase('en-US');
}
