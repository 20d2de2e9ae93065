/**
 * Health at a glance: the score and band, where it is heading, what drives it, and (one click
 * away) why. The one element carrying data-health-band / data-health-score is the display.
 */
import { useId } from 'react';
import type { HealthResult, HealthTrend, ScorePoint, WeeklyLoginsPoint } from '@/lib/insights';
import { BAND_LABELS, coverageText, DIMENSION_INPUTS, describeSeries, trendWords } from './format';
import { HealthWhy } from './HealthWhy';
import { Sparkline } from './Sparkline';

export interface HealthCardProps {
  health: HealthResult;
  /** Oldest first. */
  weeklyLogins: readonly WeeklyLoginsPoint[];
  /** Oldest first; the current score is appended as the last point. */
  scoreHistory: readonly ScorePoint[];
}

function Trend({ trend }: { trend: HealthTrend | null }) {
  if (!trend) return <p className="health-trend muted">No score from 30 days ago to compare</p>;
  const { shown, spoken } = trendWords(trend);
  return (
    <p className={`health-trend health-trend--${trend.direction}`} data-trend={trend.direction}>
      <span aria-hidden="true">{shown}</span>
      <span className="visually-hidden">{spoken}</span>
    </p>
  );
}

function Drivers({ title, items, tone }: { title: string; items: HealthResult['drivers']['up']; tone: 'up' | 'down' }) {
  if (items.length === 0) return null;
  return (
    <div className={`health-drivers health-drivers--${tone}`}>
      <h3>{title}</h3>
      <ul aria-label={title}>
        {items.map((d) => (
          <li key={d.subScoreId} data-driver={d.subScoreId}>
            <span aria-hidden="true">{tone === 'up' ? '+' : '−'} </span>
            {d.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Trends({ health, weeklyLogins, scoreHistory }: HealthCardProps) {
  const logins = weeklyLogins.map((w) => w.logins);
  const scores = scoreHistory.map((p) => p.score);
  if (health.score !== null) scores.push(health.score);
  const weeks = weeklyLogins.length;
  return (
    <div className="health-sparks">
      <figure className="health-spark">
        <Sparkline values={scores} domain={[0, 100]} label={describeSeries('Health score over 12 weeks', scores, 'points')} />
        <figcaption className="muted">Score</figcaption>
      </figure>
      <figure className="health-spark">
        <Sparkline values={logins} label={describeSeries(`Weekly logins over ${weeks} weeks`, logins, 'percent')} />
        <figcaption className="muted">Logins / week</figcaption>
      </figure>
    </div>
  );
}

/** What drives the score, its 12-week trends and the dimension-by-dimension why: below the first screen. */
export function HealthDetails({ health, weeklyLogins, scoreHistory }: HealthCardProps) {
  if (health.score === null) return <MissingHealth health={health} />;
  return (
    <div className="health-details">
      <Drivers title="Pulling it down" items={health.drivers.down} tone="down" />
      <Drivers title="Holding it up" items={health.drivers.up} tone="up" />
      <Trends health={health} weeklyLogins={weeklyLogins} scoreHistory={scoreHistory} />
      <HealthWhy dimensions={health.dimensions} />
    </div>
  );
}

function MissingHealth({ health }: { health: HealthResult }) {
  return (
    <div className="health-missing">
      <p>No part of the health score has data yet, so there is no score (never a guessed one).</p>
      <ul aria-label="Data that would score this account">
        {health.dimensions.map((d) => (
          <li key={d.id}>
            {d.label}: {DIMENSION_INPUTS[d.id]}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * `compact`: the score, band, trend and coverage only (the first screen); the details then go in
 * a section of their own (HealthDetails).
 */
export function HealthCard({ health, weeklyLogins, scoreHistory, compact = false }: HealthCardProps & { compact?: boolean }) {
  const { band, score } = health;
  const missing = health.dimensions.filter((d) => d.score === null);
  const headingId = useId();
  return (
    <section className={`card insights-card health-card${compact ? ' health-card--compact' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId} className={compact ? 'visually-hidden' : undefined}>
        Health
      </h2>
      <div className="health-top">
        <p
          className={`health-display health-display--${band}`}
          data-health-band={band}
          data-health-score={score === null ? undefined : score}
        >
          {score !== null && (
            <>
              <span className="health-display__score">{score}</span>
              <span className="visually-hidden"> out of 100, </span>
            </>
          )}
          <span className="health-display__band">{BAND_LABELS[band]}</span>
        </p>
        {score !== null && <Trend trend={health.trend} />}
      </div>
      {score === null ? (
        compact ? (
          <p className="muted">No data to score yet: see what would score it under Health details.</p>
        ) : (
          <MissingHealth health={health} />
        )
      ) : (
        <>
          {(!compact || missing.length > 0) && <p className="health-coverage muted">{coverageText(health)}</p>}
          {!compact && health.openP1P2 && (
            <p className="health-flag">An urgent support ticket (P1 or P2) is open: it pulls the support part down</p>
          )}
          {!compact && <HealthDetails health={health} weeklyLogins={weeklyLogins} scoreHistory={scoreHistory} />}
        </>
      )}
    </section>
  );
}
