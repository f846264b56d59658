// What Decap CMS writes for an unchanged entry: its YAML format (decap-cms-core
// dist/esm/formats/yaml.js, 3.x) with the same `yaml` package it bundles. Reads each
// file given, parses it as Decap's fromFile does and writes it back as toFile does,
// into the folder given first: node decap_yaml.cjs OUT FILE...
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('yaml');

const timestampTag = {  // copied from Decap: only full UTC timestamps become dates
  identify: value => value instanceof Date,
  default: true,
  tag: '!timestamp',
  test: /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2}(\.[0-9]+)?)Z$/,
  resolve: str => new Date(str),
  stringify: value => value.toISOString(),
};

function fromFile(content) {
  if (content && content.trim().endsWith('---')) content = content.trim().slice(0, -3);
  const doc = yaml.parseDocument(content, { customTags: [timestampTag], prettyErrors: true });
  if (doc.errors.length > 0) throw new Error(doc.errors.map(e => e.message).join('\n'));
  return doc.toJSON();
}

function toFile(data) {
  const contents = yaml.createNode(data);
  const doc = new yaml.Document();
  doc.contents = contents;
  return doc.toString();
}

const [out, ...files] = process.argv.slice(2);
for (const file of files) {
  fs.writeFileSync(path.join(out, path.basename(file)), toFile(fromFile(fs.readFileSync(file, 'utf8'))));
}
