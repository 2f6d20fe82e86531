// Static bytes (the dashboard's files, the GraphiQL page) sent compressed when the browser accepts it: GraphiQL's
// page is about 9 MB of HTML, under 2 MB with gzip and less with brotli. Each body is compressed once and kept.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

type Encoding = 'br' | 'gzip' | 'identity';

/** Bodies smaller than this go as they are: compressing them saves less than its headers cost. */
const WORTH_COMPRESSING = 1024;

const COMPRESSIBLE = /^(text\/|application\/(json|javascript)|image\/svg\+xml)/;

/** The best encoding the request accepts (q=0 refuses one), brotli before gzip. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...parameters] = part.trim().split(';');
    if (!name) continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (wants('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return 'identity';
}

/** One body in its encodings, each made on first demand. */
export class CompressedBody {
  private readonly encoded = new Map<Encoding, Promise<Buffer>>();

  constructor(
    readonly bytes: Buffer,
    readonly contentType: string,
  ) {}

  private encodingFor(request: IncomingMessage): Encoding {
    if (this.bytes.length < WORTH_COMPRESSING || !COMPRESSIBLE.test(this.contentType)) return 'identity';
    return chooseEncoding(request.headers['accept-encoding']);
  }

  private body(encoding: Encoding): Promise<Buffer> {
    let body = this.encoded.get(encoding);
    if (!body) {
      body =
        encoding === 'br'
          ? brotli(this.bytes, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 6,
                [constants.BROTLI_PARAM_SIZE_HINT]: this.bytes.length,
              },
            })
          : encoding === 'gzip'
            ? gzipped(this.bytes, { level: 9 })
            : Promise.resolve(this.bytes);
      // A failed compression is tried again on the next request rather than kept.
      body.catch(() => this.encoded.delete(encoding));
      this.encoded.set(encoding, body);
    }
    return body;
  }

  /** Answers GET with the body and HEAD with its headers alone. */
  async send(request: IncomingMessage, response: ServerResponse, headers: Record<string, string | number>) {
    const encoding = this.encodingFor(request);
    const body = await this.body(encoding);
    response.writeHead(200, {
      ...headers,
      'content-type': this.contentType,
      'content-length': body.length,
      vary: 'accept-encoding',
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }
}
