// Parse GIFT from standard input with gift-pegjs and print its questions as JSON (dev-only check).
const { parse } = require("gift-pegjs");
const text = require("fs").readFileSync(0, "utf8");
try {
  process.stdout.write(JSON.stringify(parse(text)));
} catch (error) {
  process.stderr.write(`${error.message} ${JSON.stringify(error.location)}\n`);
  process.exit(1);
}
