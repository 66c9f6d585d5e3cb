// Compiles one Solidity file with solc-js (no compiler download) and prints {"ContractName": {"abi": [...], "bytecode": "0x..."}}
// on stdout. Usage: node compile.js PATH.sol
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const file = process.argv[2];
if (!file) { console.error('usage: node compile.js PATH.sol'); process.exit(2); }
const input = {
  language: 'Solidity',
  sources: { [path.basename(file)]: { content: fs.readFileSync(file, 'utf8') } },
  settings: { optimizer: { enabled: true, runs: 200 }, outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter(e => e.severity === 'error');
if (errors.length) { console.error(errors.map(e => e.formattedMessage).join('\n')); process.exit(1); }
const result = {};
for (const contracts of Object.values(output.contracts)) {
  for (const [name, c] of Object.entries(contracts)) result[name] = { abi: c.abi, bytecode: '0x' + c.evm.bytecode.object };
}
process.stdout.write(JSON.stringify(result));
