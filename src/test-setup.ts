/**
 * Property tests run the same cases on every machine, so CI is reproducible; set FC_SEED to explore
 * other inputs locally (a failure prints its seed to replay it).
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20241117) });
