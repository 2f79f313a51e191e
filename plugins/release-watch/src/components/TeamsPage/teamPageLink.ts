/** The Release Watch page filtered to a team: `<page>?owner=group:default/frontend`. */
export function teamPageLink(pageLink: string) {
  return (owner: string) =>
    `${pageLink}?${new URLSearchParams({ owner }).toString()}`;
}
