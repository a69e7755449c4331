import type { AlertSettings } from '../contract/alert-settings.ts';

/**
 * The defaults. Red for behind-time is "far behind the time line (≤ −10 points) and below three quarters of the
 * province's own completion": in the COVID spring (2020-02) nearly every county was ten points behind, and the
 * second condition keeps red for the ones also far behind their peers.
 */
export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  behindTime: { redPoints: -10, redShareOfProvince: 0.75 },
  persistentBottom: { cities: 3, counties: 10, months: 3 },
  // Places lost in a month that mean something among 14 cities, and among 122 counties.
  fallingBack: { cityPlaces: 3, countyPlaces: 10 },
  fundsLagging: { belowCompletionPoints: 15, belowTimeLinePoints: 20 },
};
