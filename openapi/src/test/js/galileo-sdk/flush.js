// Logs traces the way an application does with the published Galileo SDK, flushes them to
// GALILEO_API_URL, and prints what it flushed as one line of JSON. Only the base URL is Tracepost's.
// TRACES (default 1) says how many traces: each a workflow holding an llm span and a tool span.
const { GalileoLogger } = require('galileo');

async function main() {
  const logger = new GalileoLogger({
    projectName: process.env.GALILEO_PROJECT,
    logStreamName: process.env.GALILEO_LOG_STREAM,
  });
  const count = Number(process.env.TRACES || 1);
  for (let i = 0; i < count; i++) {
    logger.startTrace({
      input: `What is the capital of France? (${i})`,
      name: `sdk-trace-${i}`,
      metadata: { source: 'tracepost-test' },
      tags: ['sdk'],
    });
    logger.addWorkflowSpan({ input: 'workflow input', name: 'demo-workflow', metadata: { step: 'wf' } });
    logger.addLlmSpan({
      input: [
        { role: 'system', content: 'You are helpful.' },
        { role: 'user', content: 'What is the capital of France?' },
      ],
      output: { role: 'assistant', content: 'Paris.' },
      model: 'gpt-4o-mini',
      name: 'demo-llm',
      numInputTokens: 12,
      numOutputTokens: 3,
      temperature: 0.2,
    });
    logger.addToolSpan({ input: '{"city":"Paris"}', output: '{"population":2100000}', name: 'demo-tool', toolCallId: 'call_1' });
    logger.conclude({ output: 'workflow done' });
    logger.conclude({ output: 'Paris.' });
  }
  const flushed = await logger.flush();
  console.log(JSON.stringify({
    traces: flushed.map((trace) => ({ id: trace.id, name: trace.name })),
  }));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
