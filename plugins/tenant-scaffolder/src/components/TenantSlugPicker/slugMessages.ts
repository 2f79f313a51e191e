/** The backend's field message as a sentence: "The slug is taken.", "'admin' is reserved." */
export function slugProblemText(problem: string | undefined): string {
  const text = problem ?? 'is not available';
  const sentence = text.startsWith("'") ? text : `The slug ${text}`;
  return sentence.endsWith('.') ? sentence : `${sentence}.`;
}

export function slugAvailableText(slug: string): string {
  return `'${slug}' is available.`;
}
