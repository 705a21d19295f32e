import { shapeKey, SqlShapes } from './sql-shapes';

describe('SqlShapes', () => {
  it('builds the text of a shape once and reuses it', () => {
    const shapes = new SqlShapes();
    const build = jest.fn(() => 'SELECT 1 WHERE s.speaker_id = :speakerIds');
    const key = shapeKey('date', 'ASC', 's.speaker_id = :speakerIds');
    expect(shapes.text(key, build)).toBe('SELECT 1 WHERE s.speaker_id = :speakerIds');
    expect(shapes.text(key, build)).toBe('SELECT 1 WHERE s.speaker_id = :speakerIds');
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('keeps shapes apart that differ in any part, also where joining the parts naively would not', () => {
    const shapes = new SqlShapes();
    shapes.text(shapeKey('date', 'ASC', 'a = :a'), () => 'one');
    expect(shapes.text(shapeKey('date', 'DESC', 'a = :a'), () => 'two')).toBe('two');
    expect(shapes.text(shapeKey('ab', 'c'), () => 'three')).toBe('three');
    expect(shapes.text(shapeKey('a', 'bc'), () => 'four')).toBe('four');
    expect(shapes.size).toBe(4);
  });

  it('stays bounded: past 1,000 shapes the oldest is forgotten and rebuilt when asked again', () => {
    const shapes = new SqlShapes();
    for (let i = 0; i < 1_200; i++) shapes.text(shapeKey(i), () => `text ${i}`);
    expect(shapes.size).toBe(1_000);
    const rebuild = jest.fn(() => 'text 0');
    shapes.text(shapeKey(0), rebuild);
    expect(rebuild).toHaveBeenCalledTimes(1);
    const kept = jest.fn(() => 'never');
    expect(shapes.text(shapeKey(1_199), kept)).toBe('text 1199');
    expect(kept).not.toHaveBeenCalled();
  });
});
