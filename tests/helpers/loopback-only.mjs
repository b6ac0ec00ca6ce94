// Preloaded (node --import) into `netlify dev`, whose main server listens on every interface and has no
// option for the address: a listen() that names no host gets 127.0.0.1, so a test's server stays local.
import net from "node:net";

const LOOPBACK = "127.0.0.1";
const listen = net.Server.prototype.listen;

/** @param {any[]} args listen()'s arguments, in any of its forms */
net.Server.prototype.listen = function (...args) {
  const [first, second] = args;
  if (first === undefined || typeof first === "function") args.unshift(0, LOOPBACK);
  else if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    if (typeof second !== "string") args.splice(1, 0, LOOPBACK);
  } else if (typeof first === "object" && first !== null && "port" in first && first.host === undefined)
    args[0] = { ...first, host: LOOPBACK };
  return listen.apply(this, /** @type {Parameters<typeof listen>} */ (args));
};
