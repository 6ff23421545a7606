/**
 * Settings the local runtime's process needs before any function module loads; imported first
 * by `local-stack.ts`, so it runs before the handlers' own imports wherever the stack starts.
 *
 * The X-Ray SDK under the Powertools tracer installs, when it loads, an async hook that tracks
 * every promise's creation and destruction (cls-hooked). Locally the tracer is off (there is no
 * X-Ray daemon), so that tracking is pure cost: about 5 % of the runtime's CPU under load, plus
 * the garbage it makes. Manual mode loads the SDK without the hook. In AWS nothing changes.
 */
process.env.AWS_XRAY_MANUAL_MODE ??= 'true';

export {};
