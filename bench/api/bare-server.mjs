// The ceiling: a bare node:http server answering one fixed JSON body, as fast as Node can.
import { createServer } from "node:http";

const body = process.argv[2] ?? '{"ok":true}';
const server = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.end(body);
});
server.listen(0, "127.0.0.1", () => {
  process.stderr.write(`listening http://127.0.0.1:${server.address().port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
