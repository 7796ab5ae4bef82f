/** A rating as the shared schema takes it: the comment left out when blank. */
export function rateInput({ score, comment }: { score: number | null; comment: string }) {
  const text = comment.trim()
  return { score: score ?? undefined, ...(text ? { comment: text } : {}) }
}

/** A report as the shared schema takes it: the photo's id when one was uploaded. */
export function reportInput({ text, photo }: { text: string; photo: { id: string } | null }) {
  return { text, ...(photo ? { photoId: photo.id } : {}) }
}
