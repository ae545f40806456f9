/**
 * The feature pipeline as `ml` hands it to cells: `createPipeline(spec)` checks the declared
 * steps at once and fits them on training data, `loadPipeline(json)` reads a fitted one back
 * (a handoff's pipeline.json, a run's record), and both give the same FittedPipeline
 * (ml-types.ts): `transform` in TypeScript, `toSql` for production, `toJSON` and a `hash`. Data
 * of any kind a cell holds goes through `toFrame` (frame.ts) first.
 */
import {
  canonicalPipelineJson,
  parseFittedPipelineJson,
} from '../../../core/features/pipeline-json';
import type { FittedPipelineJson, PipelineSpec } from '../../../core/features/pipeline-spec';
import { pipelineToSql } from '../../../core/features/sql-compiler';
import { sha256Hex } from '../../../core/hash/sha256';
import type { ArrowModule } from '../../platform';
import { toFrame } from '../frame';
import type { FeatureMatrix, FittedPipeline } from '../ml-types';
import { fitPipeline } from './fit';
import { parsePipelineSpec } from './parse-spec';
import { transformFrame } from './transform';

/** A declared pipeline, checked, not yet fitted. */
export interface PipelineDefinition {
  readonly spec: PipelineSpec;
  /** Fits on `data` — the training split only: its statistics are what transform applies. */
  fit(data: unknown): FittedPipeline;
}

class Fitted implements FittedPipeline {
  readonly features: readonly string[];
  readonly inputs: readonly { name: string; type: FittedPipelineJson['inputs'][number]['type'] }[];
  readonly hash: string;

  constructor(
    private readonly json: FittedPipelineJson,
    private readonly arrow: ArrowModule,
  ) {
    this.features = Object.freeze([...json.features]);
    this.inputs = Object.freeze(json.inputs.map((input) => Object.freeze({ ...input })));
    this.hash = sha256Hex(canonicalPipelineJson(json));
  }

  transform(data: unknown): FeatureMatrix {
    return transformFrame(this.json, toFrame(data, this.arrow));
  }

  toSql(source: string, options: Parameters<FittedPipeline['toSql']>[1] = {}): string {
    return pipelineToSql(this.json, source, options);
  }

  /** A copy: changing it does not change this pipeline. */
  toJSON(): FittedPipelineJson {
    return JSON.parse(JSON.stringify(this.json)) as FittedPipelineJson;
  }
}

/** Checks `spec` (errors name the step and field) and returns it ready to fit. */
export function createPipeline(spec: unknown, arrow: ArrowModule): PipelineDefinition {
  const checked = parsePipelineSpec(spec);
  return {
    spec: checked,
    fit(data) {
      // Through the validator, so that what fit wrote is exactly what loadPipeline accepts.
      return new Fitted(parseFittedPipelineJson(fitPipeline(checked, toFrame(data, arrow))), arrow);
    },
  };
}

/** A fitted pipeline from its JSON (an object or the text), checked field by field. */
export function loadPipeline(json: unknown, arrow: ArrowModule): FittedPipeline {
  return new Fitted(parseFittedPipelineJson(json), arrow);
}
