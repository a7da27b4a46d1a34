// Writes imsmanifest.xml for a SCORM package of the built site.
//   node scripts/lms/manifest.mjs <12|2004> <site dir> <out file>
// Every file of the site is listed in the one resource (the SCO), launched at
// index.html. No masteryscore (1.2) and no sequencing rules (2004): the
// workbook reports passed/failed itself, and an LMS would use a mastery score
// to override it.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const [version, site, out] = process.argv.slice(2);
if (!['12', '2004'].includes(version) || !site || !out) {
  console.error('usage: node scripts/lms/manifest.mjs <12|2004> <site dir> <out file>');
  process.exit(2);
}

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name !== 'imsmanifest.xml') files.push(relative(site, path).split('\\').join('/'));
  }
})(site);
if (!files.includes('index.html')) {
  console.error(`${site} has no index.html: build the site first (scripts/build.sh)`);
  process.exit(1);
}

const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// The title: the chapter's, from the compiled content when it is there.
let title = 'Networking Workbook';
try {
  const chapter = JSON.parse(readFileSync('content/chapter.json', 'utf8'));
  if (chapter.title) title = `Networking Workbook: ${chapter.title}`;
} catch { /* keep the default */ }

const fileList = files.map((f) => `      <file href="${xml(f)}"/>`).join('\n');
const id = version === '12' ? 'networking-workbook-scorm12' : 'networking-workbook-scorm2004';

const manifest12 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${xml(title)}</title>
      <item identifier="item-workbook" identifierref="res-workbook" isvisible="true">
        <title>${xml(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-workbook" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileList}
    </resource>
  </resources>
</manifest>
`;

const manifest2004 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${xml(title)}</title>
      <item identifier="item-workbook" identifierref="res-workbook" isvisible="true">
        <title>${xml(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-workbook" type="webcontent" adlcp:scormType="sco" href="index.html">
${fileList}
    </resource>
  </resources>
</manifest>
`;

writeFileSync(out, version === '12' ? manifest12 : manifest2004);
console.log(`${out}: SCORM ${version === '12' ? '1.2' : '2004 4th Edition'}, ${files.length} files`);
