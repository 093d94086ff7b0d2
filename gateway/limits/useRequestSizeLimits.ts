import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '../../platform/errors/ErrorCode';
import { limitError } from './requestLimits';

/**
 * Refuses, with 413, a request body over `maxBodyBytes` (by its Content-Length at once, or
 * while it streams in when it has none) and variables over `maxVariablesBytes`, before the
 * document is parsed. The runtime does not pass Yoga's `maxRequestBodySize` on, so Yoga's
 * own 25 MB limit is all there would otherwise be.
 */
export function useRequestSizeLimits(limits: {
  maxBodyBytes: number;
  maxVariablesBytes: number;
}): GatewayPlugin {
  const { maxBodyBytes, maxVariablesBytes } = limits;
  const tooLarge = () =>
    limitError(
      ErrorCode.REQUEST_TOO_LARGE,
      `The request body is larger than ${maxBodyBytes} bytes.`,
      413,
    );
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      const declared = request.headers.get('content-length');
      if (declared !== null && Number(declared) > maxBodyBytes) throw tooLarge();
      // A declared length within the limit needs no counting: Node's HTTP parser delivers no
      // byte past it (and refuses a request that declares a length and a chunked body).
      if (declared !== null || !requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser(async (incoming) => {
        const reader = incoming.body!.getReader();
        const chunks: Uint8Array[] = [];
        let size = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > maxBodyBytes) {
            await reader.cancel();
            throw tooLarge();
          }
          chunks.push(value);
        }
        return parse(
          new Request(incoming.url, {
            method: incoming.method,
            headers: incoming.headers,
            body: Buffer.concat(chunks),
          }),
        );
      });
    },
    onParams({ params }) {
      if (params.variables == null) return;
      let size: number;
      try {
        size = Buffer.byteLength(JSON.stringify(params.variables));
      } catch (error) {
        // Variables nested tens of thousands deep parse, but no recursive walk gets through
        // them (serialising, coercing): refused as they are, not failed as an internal error.
        if (!(error instanceof RangeError)) throw error;
        throw limitError(
          ErrorCode.VARIABLES_TOO_LARGE,
          'The variables are nested too deeply to be read.',
          413,
        );
      }
      if (size > maxVariablesBytes) {
        throw limitError(
          ErrorCode.VARIABLES_TOO_LARGE,
          `The variables are larger than ${maxVariablesBytes} bytes.`,
          413,
        );
      }
    },
  };
}
