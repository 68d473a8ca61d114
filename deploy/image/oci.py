#!/usr/bin/env python3
"""Assemble, inspect and unpack the services' OCI image tarballs (Python standard library only).

  oci.py assemble OUT.tar --ref NAME:TAG --base-layer rootfs.tar.gz --app-dir target/quarkus-app
                  --uid U --gid G --port P [--port P]... --app-dir-in-image /deployments --java PATH [--java-options "OPTS"] [--label k=v]...
  oci.py inspect IMAGE.tar --uid U --gid G --port P [--port P]... [--allow FILE]   -> checks, prints a summary
  oci.py unpack IMAGE.tar DIR                                          -> the root filesystem

The tarball is an OCI image layout (oci-layout, index.json, blobs/sha256/...) that also carries a
Docker-style manifest.json, so `skopeo copy oci-archive:...`, `crane push` and `docker load` take it.
Layers: the Debian base (deploy/image/base), the dependencies (lib/), the application (the rest of
target/quarkus-app), so a code change ships a layer of a few MB.
"""
import argparse, contextlib, gzip, hashlib, io, json, os, re, stat, sys, tarfile, tempfile, zipfile

EPOCH = 1  # fixed mtime: the same input gives the same digests
MEDIA_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
MEDIA_CONFIG = "application/vnd.oci.image.config.v1+json"
MEDIA_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def layer_from_dir(entries, out_gz):
    """entries: list of (path_in_image, source_path_or_None_for_dir). Returns (diff_id, digest, size)."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
        for name, src in entries:
            ti = tarfile.TarInfo(name.lstrip("/"))
            ti.mtime, ti.uid, ti.gid, ti.uname, ti.gname = EPOCH, 0, 0, "", ""
            if src is None:
                ti.type, ti.mode = tarfile.DIRTYPE, 0o755
                t.addfile(ti)
            else:
                ti.size, ti.mode = os.path.getsize(src), 0o644
                with open(src, "rb") as f:
                    t.addfile(ti, f)
    data = raw.getvalue()
    diff_id = hashlib.sha256(data).hexdigest()
    with open(out_gz, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, compresslevel=6, filename="") as g:
            g.write(data)
    return diff_id, sha256_file(out_gz), os.path.getsize(out_gz)


def tree(src_root, dest_root, include):
    """Directories and files under src_root (filtered by include(relpath)) as layer entries."""
    out, dirs = [], set()
    for dirpath, dirnames, filenames in os.walk(src_root):
        dirnames.sort()
        for fn in sorted(filenames):
            rel = os.path.relpath(os.path.join(dirpath, fn), src_root)
            if not include(rel):
                continue
            parts = rel.split(os.sep)[:-1]
            for i in range(len(parts) + 1):
                d = "/".join([dest_root.rstrip("/")] + parts[:i])
                if d not in dirs:
                    dirs.add(d)
                    out.append((d, None))
            out.append((dest_root.rstrip("/") + "/" + rel.replace(os.sep, "/"), os.path.join(dirpath, fn)))
    return out


def assemble(a):
    blobs = tempfile.mkdtemp(prefix="oci-", dir=os.path.dirname(os.path.abspath(a.out)))
    layers, diff_ids, history = [], [], []
    base_digest = sha256_file(a.base_layer)
    with gzip.open(a.base_layer, "rb") as g:
        h = hashlib.sha256()
        for chunk in iter(lambda: g.read(1 << 20), b""):
            h.update(chunk)
    base_diff = h.hexdigest()
    layers.append(("base", a.base_layer, base_digest, os.path.getsize(a.base_layer)))
    diff_ids.append(base_diff)
    history.append({"created": "1970-01-01T00:00:00Z", "created_by": "deploy/image/base: " + a.base_source})

    app = a.app_dir
    for label, include in (("dependencies", lambda r: r.startswith("lib" + os.sep)),
                           ("application", lambda r: not r.startswith("lib" + os.sep))):
        entries = tree(app, a.app_dir_in_image, include)
        gz = os.path.join(blobs, label + ".tar.gz")
        diff, dig, size = layer_from_dir(entries, gz)
        layers.append((label, gz, dig, size))
        diff_ids.append(diff)
        history.append({"created": "1970-01-01T00:00:00Z", "created_by": "deploy/image/build: " + label})

    labels = dict(kv.split("=", 1) for kv in a.label)
    config = {
        "created": "1970-01-01T00:00:00Z",
        "architecture": "amd64",
        "os": "linux",
        "config": {
            "User": f"{a.uid}:{a.gid}",
            "Entrypoint": [a.java, *a.java_options.split(),
                           "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                           "-jar", a.app_dir_in_image.rstrip("/") + "/quarkus-run.jar"],
            "ExposedPorts": {f"{p}/tcp": {} for p in a.port},
            "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "JAVA_HOME=" + os.path.dirname(os.path.dirname(a.java)),
                    "LANG=C.UTF-8"],
            "WorkingDir": a.app_dir_in_image,
            "Labels": labels,
        },
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + d for d in diff_ids]},
        "history": history,
    }
    config_bytes = json.dumps(config, sort_keys=True, separators=(",", ":")).encode()
    config_digest = hashlib.sha256(config_bytes).hexdigest()
    manifest = {
        "schemaVersion": 2,
        "mediaType": MEDIA_MANIFEST,
        "config": {"mediaType": MEDIA_CONFIG, "digest": "sha256:" + config_digest, "size": len(config_bytes)},
        "layers": [{"mediaType": MEDIA_LAYER, "digest": "sha256:" + d, "size": s} for _, _, d, s in layers],
        "annotations": {"org.opencontainers.image.ref.name": a.ref},
    }
    manifest_bytes = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    manifest_digest = hashlib.sha256(manifest_bytes).hexdigest()
    index = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
             "manifests": [{"mediaType": MEDIA_MANIFEST, "digest": "sha256:" + manifest_digest,
                            "size": len(manifest_bytes),
                            "annotations": {"org.opencontainers.image.ref.name": a.ref.rsplit(":", 1)[1],
                                            "io.containerd.image.name": a.ref}}]}
    docker_manifest = [{"Config": "blobs/sha256/" + config_digest, "RepoTags": [a.ref],
                        "Layers": ["blobs/sha256/" + d for _, _, d, _ in layers]}]

    tmp_out = a.out + ".partial"
    with tarfile.open(tmp_out, "w", format=tarfile.PAX_FORMAT) as t:
        def add_bytes(name, data):
            ti = tarfile.TarInfo(name)
            ti.size, ti.mtime, ti.mode = len(data), EPOCH, 0o644
            t.addfile(ti, io.BytesIO(data))
        def add_dir(name):
            ti = tarfile.TarInfo(name)
            ti.type, ti.mtime, ti.mode = tarfile.DIRTYPE, EPOCH, 0o755
            t.addfile(ti)
        add_bytes("oci-layout", b'{"imageLayoutVersion":"1.0.0"}')
        add_bytes("index.json", json.dumps(index, sort_keys=True).encode())
        add_bytes("manifest.json", json.dumps(docker_manifest).encode())
        add_dir("blobs"); add_dir("blobs/sha256")
        add_bytes("blobs/sha256/" + manifest_digest, manifest_bytes)
        add_bytes("blobs/sha256/" + config_digest, config_bytes)
        for _, path, dig, size in layers:
            ti = tarfile.TarInfo("blobs/sha256/" + dig)
            ti.size, ti.mtime, ti.mode = size, EPOCH, 0o644
            with open(path, "rb") as f:
                t.addfile(ti, f)
    os.replace(tmp_out, a.out)
    for label, path, _, _ in layers:
        if label != "base":
            os.remove(path)
    os.rmdir(blobs)
    print(f"{a.ref}: {a.out} ({os.path.getsize(a.out) / 1e6:.1f} MB), manifest sha256:{manifest_digest}")


# ------------------------------------------------------------------------------------ reading
class Image:
    def __init__(self, path):
        self.path = path
        self.tar = tarfile.open(path, "r")
        self.members = {m.name: m for m in self.tar.getmembers()}

    def blob(self, digest, verify=True):
        data = self.tar.extractfile(self.members["blobs/sha256/" + digest.split(":", 1)[1]]).read()
        if verify and "sha256:" + hashlib.sha256(data).hexdigest() != digest:
            raise SystemExit(f"{self.path}: blob {digest} does not match its digest")
        return data

    def load(self):
        layout = json.loads(self.tar.extractfile(self.members["oci-layout"]).read())
        assert layout["imageLayoutVersion"] == "1.0.0"
        index = json.loads(self.tar.extractfile(self.members["index.json"]).read())
        [m] = index["manifests"]
        self.ref = m["annotations"].get("io.containerd.image.name", "?")
        self.manifest = json.loads(self.blob(m["digest"]))
        self.config = json.loads(self.blob(self.manifest["config"]["digest"]))
        return self

    def layers(self):
        """(digest, compressed size, tarfile of the uncompressed layer, diff_id checked)."""
        for i, l in enumerate(self.manifest["layers"]):
            data = self.blob(l["digest"])
            assert len(data) == l["size"], f"layer {i}: size differs from the manifest"
            raw = gzip.decompress(data)
            diff = "sha256:" + hashlib.sha256(raw).hexdigest()
            if diff != self.config["rootfs"]["diff_ids"][i]:
                raise SystemExit(f"{self.path}: layer {i} does not match its diff_id")
            yield l["digest"], len(data), len(raw), tarfile.open(fileobj=io.BytesIO(raw), mode="r")


# A PEM private key with a body (libraries carry the bare BEGIN line as a string constant).
PRIVATE_KEY = re.compile(rb"-----BEGIN ([A-Z0-9 ]+ )?PRIVATE KEY-----\r?\n(?:[A-Za-z0-9+/=:,\- ]*\r?\n){0,4}[A-Za-z0-9+/]{40,}")
# Configuration files an application reads (not message bundles or javadoc in libraries).
CONFIG_FILE = re.compile(r"(^|/)(application[^/]*\.(properties|ya?ml)|microprofile-config\.properties|\.env|[^/]*\.env)$")
SECRET_ENV = re.compile(r"(PASS|SECRET|TOKEN|CREDENTIAL|PRIVATE|API_?KEY|_KEYS?$|JAAS)", re.I)
SECRET_PROP = re.compile(r"^\s*([%\w.\-\"]*(password|passwd|secret|credentials?\b|api-key|apikey|private-key|"
                         r"crypto\.keys|jaas\.config|access-key)[\w.\-\"]*)\s*[=:]\s*(\S.*)$", re.I | re.M)
KEY_FILE = re.compile(r"(\.(pem|key|p12|pfx|jks|keystore|jceks)$|(^|/)(id_rsa|id_ed25519|id_ecdsa)$|"
                      r"^etc/ssh/ssh_host_)", re.I)


def scan_member_bytes(name, data, findings, allow):
    if PRIVATE_KEY.search(data):
        findings.append(f"{name}: a PEM private key")
    if CONFIG_FILE.search(name.split("!")[-1]) and len(data) < 2_000_000:
        for m in SECRET_PROP.finditer(data.decode("utf-8", "replace")):
            key, value = m.group(1), m.group(3).strip()
            if key.startswith(("%test.", "%dev.")) or value.startswith("${") or value in ('""', "''"):
                continue
            where = f"{name}: {key}={value}"
            if any(re.fullmatch(p, where) for p in allow):
                continue
            findings.append(where)


def inspect(a):
    img = Image(a.image).load()
    cfg = img.config["config"]
    problems, notes = [], []
    allow = []
    if a.allow and os.path.exists(a.allow):
        allow = [l.split("#", 1)[0].strip() for l in open(a.allow) if l.split("#", 1)[0].strip()]
    user = cfg.get("User", "")
    if not re.fullmatch(r"\d+:\d+", user) or user.split(":")[0] == "0":
        problems.append(f"User is {user!r}: must be a numeric non-root uid:gid (runAsNonRoot needs a number)")
    if user != f"{a.uid}:{a.gid}":
        problems.append(f"User is {user!r}, the Deployments run as {a.uid}:{a.gid}")
    ep = cfg.get("Entrypoint") or []
    if not ep or not ep[0].startswith("/"):
        problems.append(f"Entrypoint {ep!r} is not an absolute command")
    ports = sorted((cfg.get("ExposedPorts") or {}).keys())
    wanted = sorted(f"{p}/tcp" for p in set(a.port))
    if ports != wanted:
        problems.append(f"ExposedPorts {ports}, the Deployments' container ports are {wanted}")
    for e in cfg.get("Env", []):
        k, _, v = e.partition("=")
        if SECRET_ENV.search(k):
            problems.append(f"Env {k} looks like a secret; secrets come from Kubernetes Secrets")
    findings = []
    total_c = total_u = 0
    seen_entrypoint = False
    layer_lines = []
    for i, (digest, csize, usize, lt) in enumerate(img.layers()):
        total_c += csize; total_u += usize
        layer_lines.append(f"  layer {i}: {csize / 1e6:6.1f} MB compressed, {usize / 1e6:6.1f} MB  "
                           f"{img.config['history'][i]['created_by'] if i < len(img.config.get('history', [])) else ''}")
        for m in lt.getmembers():
            name = m.name.lstrip("./")
            if m.isfile() or m.issym():
                if "/" + name == ep[0] if ep else False:
                    seen_entrypoint = True
            if m.isdev():
                findings.append(f"{name}: a device node in a layer")
            if m.isfile() and m.mode & (stat.S_ISUID | stat.S_ISGID) and not name.startswith(("usr/bin/", "usr/sbin/", "bin/", "sbin/")):
                findings.append(f"{name}: setuid/setgid outside the system's bin directories")
            if not m.isfile():
                continue
            if KEY_FILE.search(name):
                findings.append(f"{name}: a key or keystore file")
            if name == "etc/shadow":
                for line in lt.extractfile(m).read().decode().splitlines():
                    f = line.split(":")
                    if len(f) > 1 and f[1] not in ("*", "!", "!*", "!!", ""):
                        findings.append(f"etc/shadow: {f[0]} has a password hash")
                    elif len(f) > 1 and f[1] == "":
                        findings.append(f"etc/shadow: {f[0]} has an empty password")
                continue
            if m.size > 50_000_000:
                continue
            data = lt.extractfile(m).read()
            if name.endswith(".jar"):
                try:
                    with zipfile.ZipFile(io.BytesIO(data)) as z:
                        for zi in z.infolist():
                            if zi.file_size < 2_000_000 and (zi.filename.endswith((".properties", ".yaml", ".yml", ".pem", ".key"))
                                                             or KEY_FILE.search(zi.filename)):
                                zdata = z.read(zi)
                                if KEY_FILE.search(zi.filename) and PRIVATE_KEY.search(zdata):
                                    findings.append(f"{name}!{zi.filename}: a private key")
                                scan_member_bytes(f"{name}!{zi.filename}", zdata, findings, allow)
                except zipfile.BadZipFile:
                    pass
            else:
                scan_member_bytes(name, data, findings, allow)
    if ep and not seen_entrypoint:
        problems.append(f"Entrypoint {ep[0]} is not in any layer")
    problems += [f"secret material: {f}" for f in findings if not any(re.fullmatch(p, f) for p in allow)]
    if total_u / 1e6 > a.max_mb:
        problems.append(f"{total_u / 1e6:.0f} MB uncompressed, over the {a.max_mb} MB budget")
    print(f"{img.ref}: user {user}, entrypoint {' '.join(ep)}, ports {' '.join(ports)}, workdir {cfg.get('WorkingDir')}")
    print(f"  size {total_c / 1e6:.1f} MB compressed (what a registry stores and a node pulls), "
          f"{total_u / 1e6:.1f} MB unpacked; tarball {os.path.getsize(a.image) / 1e6:.1f} MB")
    print("\n".join(layer_lines))
    if a.summary:
        with open(a.summary, "w") as f:
            f.write(f"{total_c / 1e6:.1f} {total_u / 1e6:.1f}\n")
    if problems:
        for p in problems:
            print("  FAIL " + p)
        sys.exit(1)
    print("  ok   non-root numeric user, entrypoint present, the exposed ports (http, management), no secret in env or layers")


def unpack(a):
    img = Image(a.image).load()
    os.makedirs(a.dir, exist_ok=True)
    for _, _, _, lt in img.layers():
        for m in lt.getmembers():
            base = os.path.basename(m.name)
            if base.startswith(".wh."):  # whiteouts (none in our images, but a base may carry them)
                target = os.path.join(a.dir, os.path.dirname(m.name), base[4:])
                if os.path.lexists(target):
                    os.system(f"rm -rf '{target}'")
                continue
        lt.extractall(a.dir, numeric_owner=True, filter="fully_trusted") if sys.version_info >= (3, 12) \
            else lt.extractall(a.dir, numeric_owner=True)
    with open(os.path.join(a.dir, ".image-config.json"), "w") as f:
        json.dump(img.config, f)


def selftest(a):
    """The inspection must catch what it is there to catch: a tiny image with each fault planted."""
    import shutil, subprocess
    work = tempfile.mkdtemp(prefix="oci-selftest-")
    try:
        base = os.path.join(work, "base")
        java = "/opt/java/bin/java"
        os.makedirs(base + os.path.dirname(java)); os.makedirs(base + "/etc")
        open(base + java, "w").write("#!/bin/sh\n")
        open(base + "/etc/shadow", "w").write("root:*:19000:0:99999:7:::\n")
        app = os.path.join(work, "app"); os.makedirs(app + "/lib"); os.makedirs(app + "/app")
        open(app + "/quarkus-run.jar", "w").write("x")
        def image(name, uid=1001, port=(8080, 9000), shadow=None, props="quarkus.http.port=8080\n", pem=False):
            if shadow:
                open(base + "/etc/shadow", "w").write(shadow)
            with zipfile.ZipFile(app + "/app/demo-service-1.jar", "w") as z:
                z.writestr("application.properties", props)
            key = app + "/lib/tls.pem"
            if pem:
                open(key, "w").write("-----BEGIN PRIVATE KEY-----\n" + "A" * 64 + "\n-----END PRIVATE KEY-----\n")
            elif os.path.exists(key):
                os.remove(key)
            layer = os.path.join(work, name + "-base.tar.gz")
            subprocess.run(["tar", "-C", base, "-czf", layer, "."], check=True)
            out = os.path.join(work, name + ".tar")
            with contextlib.redirect_stdout(io.StringIO()):
                assemble(argparse.Namespace(out=out, ref="praxis/demo:1", base_layer=layer, base_source="selftest", app_dir=app,
                                            app_dir_in_image="/deployments", uid=uid, gid=uid, port=list(port), java=java, java_options="-XX:+UseSerialGC", label=[]))
            open(base + "/etc/shadow", "w").write("root:*:19000:0:99999:7:::\n")
            return out
        cases = {
            "clean": (image("clean"), None),
            "root user": (image("root", uid=0), "must be a numeric non-root"),
            "other port": (image("port", port=(8080, 9001)), "ExposedPorts"),
            "no management port": (image("nomgmt", port=(8080,)), "ExposedPorts"),
            "password hash": (image("hash", shadow="root:$6$salt$hash:19000:0:99999:7:::\n"), "password hash"),
            "private key": (image("pem", pem=True), "PEM private key"),
            "credential property": (image("prop", props="quarkus.datasource.password=hunter2\n"), "quarkus.datasource.password=hunter2"),
        }
        failed = []
        for case, (img, expect) in cases.items():
            r = subprocess.run([sys.executable, __file__, "inspect", img, "--uid", "1001", "--gid", "1001", "--port", "8080", "--port", "9000"],
                               capture_output=True, text=True)
            caught = r.returncode != 0 and (expect is None or expect in r.stdout)
            ok = (r.returncode == 0) if expect is None else caught
            print(f"  selftest {case:20s} {'passes' if expect is None else 'is caught'}: {'ok' if ok else 'NO'}")
            if not ok:
                failed.append(case + "\n" + r.stdout)
        if failed:
            raise SystemExit("oci.py selftest failed:\n" + "\n".join(failed))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("assemble")
    s.add_argument("out"); s.add_argument("--ref", required=True); s.add_argument("--base-layer", required=True)
    s.add_argument("--base-source", default="")
    s.add_argument("--app-dir", required=True); s.add_argument("--app-dir-in-image", default="/deployments")
    s.add_argument("--uid", type=int, required=True); s.add_argument("--gid", type=int, required=True)
    s.add_argument("--port", type=int, action="append", required=True); s.add_argument("--java", required=True)
    s.add_argument("--java-options", required=True)
    s.add_argument("--label", action="append", default=[])
    s = sub.add_parser("inspect")
    s.add_argument("image"); s.add_argument("--uid", type=int, required=True); s.add_argument("--gid", type=int, required=True)
    s.add_argument("--port", type=int, action="append", required=True); s.add_argument("--allow")
    s.add_argument("--max-mb", type=int, default=450); s.add_argument("--summary")
    s = sub.add_parser("unpack")
    s.add_argument("image"); s.add_argument("dir")
    sub.add_parser("selftest")
    a = p.parse_args()
    {"assemble": assemble, "inspect": inspect, "unpack": unpack, "selftest": selftest}[a.cmd](a)


if __name__ == "__main__":
    main()
