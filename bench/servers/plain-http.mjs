// The ceiling: node:http answering the same constant JSON.
import { createServer } from "node:http";

const body = JSON.stringify({ success: true, code: "OK", message: "", data: { hello: "world" } });
createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(body);
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
