import { shortRegionName, type Movers } from '@dispatch/core';

const GROUPS = [
  ['up', '名次上升最多'],
  ['down', '名次下降最多'],
  ['newlyBehind', '本月新落后于时序进度'],
  ['recovered', '本月赶上时序进度'],
] as const;

/** Who moved this month: not alerts, what the meeting mentions. */
export function MoversList({ movers }: { movers: Movers }) {
  return (
    <div className="movers">
      {GROUPS.map(([key, title]) => (
        <section key={key}>
          <h3>{title}</h3>
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
