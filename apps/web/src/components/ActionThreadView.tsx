import {
  ACTION_KIND_LABELS, ACTION_STEP_LABELS, describeAlertFacts, formatBeijingDateTime, formatChineseDate, formatPeriodLabel, RULE_LABELS, type ActionSide,
  type ActionThread,
} from '@dispatch/core';
import { ActionStateTag } from './ActionStateTag.tsx';

/** The thread: what was required, the alert it cites as it stood then, every step with who, when and what. */
export function ActionThreadView({ action, side }: { action: ActionThread; side: ActionSide }) {
  return (
    <>
      <section className="card">
        <dl className="facts">
          <dt>地区</dt><dd>{action.regionName}{action.parentName && action.level === 'county' ? `（${action.parentName}）` : ''}</dd>
          <dt>类型</dt><dd>{ACTION_KIND_LABELS[action.kind]}</dd>
          <dt>月份</dt><dd>{formatPeriodLabel(action.period)}</dd>
          <dt>答复截止</dt><dd>{formatChineseDate(action.dueDate)}</dd>
          <dt>状态</dt><dd><ActionStateTag action={action} side={side} /></dd>
          <dt>开启</dt><dd>{action.openedBy} · <span className="nowrap">{formatBeijingDateTime(action.openedAt)}</span></dd>
        </dl>
        {action.alert && (
          <div className={`cited-alert alert-${action.alert.severity}`}>
            <h3>依据预警：{RULE_LABELS[action.alert.rule]} <small className="muted">{formatPeriodLabel(action.alert.period)}，开启时冻结</small></h3>
            <p>{action.alert.regionName}{action.alert.message}</p>
            <dl className="facts">
              {describeAlertFacts(action.alert.facts).map((fact) => (
                <div key={fact.label} className="fact"><dt>{fact.label}</dt><dd>{fact.text}</dd></div>
              ))}
            </dl>
          </div>
        )}
      </section>
      <section className="card">
        <h2>办理过程</h2>
        <ol className="action-steps">
          {action.steps.map((step) => (
            <li key={step.version} className={`step-${step.step}`}>
              <div className="step-head">
                <b>{ACTION_STEP_LABELS[step.step]}</b>
                <span>{step.actorName}</span>
                <time dateTime={step.at} className="muted">{formatBeijingDateTime(step.at)}</time>
              </div>
              {step.content.requirement && <StepText label="督导要求" text={step.content.requirement} />}
              {step.content.situation && <StepText label="情况说明" text={step.content.situation} />}
              {step.content.plan && <StepText label="整改措施" text={step.content.plan} />}
              {step.content.rectifyBy && <StepText label="整改完成时限" text={formatChineseDate(step.content.rectifyBy)} />}
              {step.content.reason && <StepText label="退回理由" text={step.content.reason} />}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function StepText({ label, text }: { label: string; text: string }) {
  return (
    <p className="step-text"><span className="muted">{label}：</span>{text}</p>
  );
}
