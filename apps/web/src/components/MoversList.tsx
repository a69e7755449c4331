import { MOVER_GROUPS, shortRegionName, type Movers } from '@dispatch/core';

/** Who moved this month: not alerts, what the meeting mentions. */
export function MoversList({ movers, period }: { movers: Movers; period: string }) {
  if (MOVER_GROUPS.every(([key]) => movers[key].length === 0)) {
    const january = period.endsWith('-01');
    return <p className="muted small">{january ? '1 月无上月可比，没有名次升降和新落后、赶上时序进度的变化。' : '本月没有名次升降，也没有新落后或赶上时序进度。'}</p>;
  }
  return (
    <div className="movers">
      {MOVER_GROUPS.map(([key, title]) => (
        <section key={key}>
          <h4>{title}</h4>
          {movers[key].length === 0 ? (
            <p className="muted small">无</p>
          ) : (
            <ul>
              {movers[key].map((m) => (
                <li key={m.regionCode}><b>{shortRegionName(m.regionName, m.level)}</b> {m.message}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
