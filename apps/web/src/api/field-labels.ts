/** A server message with its `参数 field：` prefixes put in the form's own words. */
export function withFieldLabels(message: string, labels: Record<string, string>): string {
  return message.replace(/参数 ([\w.]+)：/g, (whole, field: string) => (labels[field] ? `${labels[field]}：` : whole));
}
