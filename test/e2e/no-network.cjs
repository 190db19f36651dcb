// Preloaded (NODE_OPTIONS=--require) by tests of offline modes: any socket connection fails the process loudly.
const net = require('node:net');
const refuse = function () {
  process.stderr.write('NETWORK ATTEMPT\n');
  process.exit(99);
};
net.Socket.prototype.connect = refuse;
net.connect = refuse;
net.createConnection = refuse;
