/** One part of a server message: `参数 behindTime.redPoints（严重落后：较时序进度不高于）：应在 −100 至 0 百分点之间`. */
const PART = /^参数 ([\w.]+)(?:（([^）]*)）)?：(.*)$/s;

/** A server message with its `参数 field（名称）：` prefixes put in the form's own words (or the server's Chinese name). */
export function withFieldLabels(message: string, labels: Record<string, string>): string {
  return message.replace(/参数 ([\w.]+)(?:（([^）]*)）)?：/g, (whole, field: string, name: string | undefined) => {
    const label = labels[field] ?? name;
    return label ? `${label}：` : whole;
  });
}

/**
 * A server message split by the field each part names, so that a form can show each beside its field, naming it
 * by its label; the parts that name no field the form has stay in `rest`, in the form's words.
 */
export function fieldErrorsOf(message: string, labels: Record<string, string>): { fields: Record<string, string>; rest: string[] } {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of message.split('；')) {
    const [, field, , text] = PART.exec(part) ?? [];
    if (field && text && labels[field]) {
      const said = `「${labels[field]}」${text}`;
      fields[field] = fields[field] ? `${fields[field]}；${said}` : said;
    } else rest.push(withFieldLabels(part, labels));
  }
  return { fields, rest };
}
