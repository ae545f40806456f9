import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { fieldType } from './arrow-columns';

const item = () => new arrow.Field('item', new arrow.Int32());
const entries = [
  new arrow.Field('key', new arrow.Utf8()),
  new arrow.Field('value', new arrow.Int32()),
];

describe('fieldType', () => {
  it('names each Arrow type as Arrow’s own checks classify it', () => {
    const cases: [arrow.DataType, string][] = [
      [new arrow.Int8(), 'integer'],
      [new arrow.Uint64(), 'integer'],
      [new arrow.Float64(), 'number'],
      [new arrow.Decimal(2, 18, 128), 'number'],
      [new arrow.Utf8(), 'string'],
      [new arrow.LargeUtf8(), 'string'],
      [new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32()), 'string'],
      [new arrow.Bool(), 'boolean'],
      [new arrow.DateDay(), 'date'],
      [new arrow.DateMillisecond(), 'datetime'],
      [new arrow.TimestampMicrosecond(), 'datetime'],
      [new arrow.List(item()), 'array'],
      [new arrow.FixedSizeList(3, item()), 'array'],
      [new arrow.Struct([item()]), 'object'],
      [
        new arrow.Map_(
          new arrow.Field(
            'entries',
            new arrow.Struct<{ key: arrow.Utf8; value: arrow.Int32 }>(entries),
          ),
        ),
        'object',
      ],
      [new arrow.Binary(), 'any'],
      [new arrow.Null(), 'any'],
    ];
    for (const [type, expected] of cases) expect(fieldType(type), String(type)).toBe(expected);
  });
});
