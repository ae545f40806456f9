import { describe, expect, it } from 'vitest';
import { resolveTrainSettings } from './settings';

describe('resolveTrainSettings', () => {
  it('fills in the defaults', () => {
    expect(resolveTrainSettings(undefined)).toEqual({
      model: 'logistic',
      task: 'classification',
      hiddenLayers: [],
      activation: 'relu',
      dropout: 0,
      l2: 0,
      optimizer: 'adam',
      learningRate: 0.01,
      epochs: 20,
      batchSize: 256,
      seed: 42,
      patience: 5,
      minDelta: 0,
      classWeight: null,
    });
    const mlp = resolveTrainSettings({ model: 'mlp' });
    expect(mlp.hiddenLayers).toEqual([64]);
    expect(mlp.learningRate).toBe(0.001);
    expect(resolveTrainSettings({ model: 'linear' }).task).toBe('regression');
  });

  it('keeps what it is given', () => {
    const settings = resolveTrainSettings({
      model: 'mlp',
      task: 'regression',
      hiddenLayers: [32, 16],
      activation: 'tanh',
      dropout: 0.25,
      l2: 0.001,
      optimizer: 'sgd',
      learningRate: 0.05,
      epochs: 3,
      batchSize: 64,
      seed: 0,
      patience: 2,
      minDelta: 0.001,
    });
    expect(settings).toMatchObject({ hiddenLayers: [32, 16], optimizer: 'sgd', seed: 0 });
    expect(resolveTrainSettings({ classWeight: { 0: 1, 1: 5 } }).classWeight).toEqual({
      0: 1,
      1: 5,
    });
    expect(resolveTrainSettings({ classWeight: 'balanced' }).classWeight).toBe('balanced');
  });

  it('names the option, what it got and what it takes', () => {
    expect(() => resolveTrainSettings({ epoch: 3 })).toThrow(/Unknown training option "epoch"/);
    expect(() => resolveTrainSettings({ model: 'forest' })).toThrow(
      /model must be one of 'baseline', 'logistic', 'linear', 'mlp', got 'forest'/,
    );
    expect(() => resolveTrainSettings({ epochs: 0 })).toThrow(
      /epochs must be an integer ≥ 1, got 0/,
    );
    expect(() => resolveTrainSettings({ dropout: 1 })).toThrow(/dropout must be .*< 1, got 1/);
    expect(() => resolveTrainSettings({ learningRate: 0 })).toThrow(/learningRate .*> 0/);
    expect(() => resolveTrainSettings({ model: 'mlp', hiddenLayers: [0] })).toThrow(
      /hiddenLayers must be a non-empty array of positive integers/,
    );
    expect(() => resolveTrainSettings({ hiddenLayers: [8] })).toThrow(/model 'mlp' only/);
    expect(() => resolveTrainSettings({ model: 'logistic', task: 'regression' })).toThrow(
      /use model 'linear'/,
    );
    expect(() => resolveTrainSettings({ model: 'linear', task: 'classification' })).toThrow(
      /use model 'logistic'/,
    );
    expect(() => resolveTrainSettings({ classWeight: { 1: 2 } })).toThrow(
      /classWeight must be 'balanced' or \{ 0: w0, 1: w1 \}/,
    );
    expect(() => resolveTrainSettings({ model: 'linear', classWeight: 'balanced' })).toThrow(
      /classification' only/,
    );
    expect(() => resolveTrainSettings([1])).toThrow(/must be an object/);
  });
});
