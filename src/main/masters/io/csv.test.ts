import { describe, expect, it } from 'vitest';
import { decodeText, guardFormula, parseCsv, sniffDelimiter, unguardFormula, writeCsv } from './csv';

describe('CSV (RFC 4180)', () => {
  it.each([
    ['a,b,c\r\n1,2,3\r\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['"a,1","b""q"\n', [['a,1', 'b"q']]],
    ['"line\r\nbreak",x\n', [['line\r\nbreak', 'x']]],
    ['a,,c\n,,\n', [['a', '', 'c'], ['', '', '']]],
    ['"",x\n', [['', 'x']]],
    ['\n', [['']]],
    ['x"y,z\n', [['x"y', 'z']]],
    ['北京,上海\r\n', [['北京', '上海']]],
  ])('parses %j', (text, records) => {
    expect(parseCsv(text)).toEqual(records);
  });

  it('reads tab- and semicolon-separated files', () => {
    expect(sniffDelimiter('a\tb\tc\n1,2\t3')).toBe('\t');
    expect(parseCsv('a;b\n1;2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('name\n北京, 上海\n', ',')).toEqual([['name'], ['北京', ' 上海']]);
  });

  it('drops a UTF-8 BOM and reads GBK (Chinese Excel\u2019s CSV) when the bytes are not UTF-8', () => {
    expect(decodeText(Buffer.from('\ufeff编码,名称\n', 'utf8'))).toBe('编码,名称\n');
    const gbk = Buffer.from([0xb1, 0xe0, 0xc2, 0xeb, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a]); // 编码,名称\n in GBK
    expect(decodeText(gbk)).toBe('编码,名称\n');
  });

  it('writes what it reads, with a BOM, CR LF and formula-safe text', () => {
    const records = [
      ['编码', 'name', 'note'],
      ['C1', 'a,b', 'say "hi"'],
      ['C2', '=HYPERLINK("http://x")', '-1+1'],
      ['C3', 12.5, null],
    ];
    const text = writeCsv(records);
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text).toContain('\r\n');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    const back = parseCsv(decodeText(Buffer.from(text, 'utf8')));
    expect(back[2].map(unguardFormula)).toEqual(['C2', '=HYPERLINK("http://x")', '-1+1']);
    expect(back[3]).toEqual(['C3', '12.5', '']);
  });

  it('guards text a spreadsheet would run, and only that', () => {
    for (const s of ['=1+1', '+86 138', '-5', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(s)).toBe(`'${s}`);
    for (const s of ['北京', 'a=b', '', "'quoted"]) expect(guardFormula(s)).toBe(s);
    expect(unguardFormula("'quoted")).toBe("'quoted");
  });
});
