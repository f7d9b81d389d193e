package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import airlock.core.syntax.Language;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, JavaScript (measured on npm's own tree, /usr/lib/node_modules/npm, against universal-ctags): each
 * test pins one cause on a snippet cut from that tree.
 */
class JavaScriptRulesTest {
    private final TagsExtractor extractor = new TagsExtractor();

    private List<String> defs(Language lang, String src) {
        return extractor.extract(lang, src).definitions().stream()
                .map(t -> t.kind().name().toLowerCase() + " " + t.name() + "@" + t.line()
                        + (t.scope().isEmpty() ? "" : "[" + t.scope() + "]"))
                .collect(Collectors.toList());
    }

    /** lib/cli/exit-handler.js:53: a call in an arrow function's body is not a definition. */
    @Test
    void callsInArrowFunctionBodiesAreNotDefinitions() {
        assertEquals(List.of("class ExitHandler@1", "method exit@2[ExitHandler]"), defs(Language.JAVASCRIPT, """
                class ExitHandler {
                  exit (err) {
                    this.#handleExit(err)
                  }

                  #handleProcessExitAndReset = (code) => {
                    this.#handleProcessExit(code)

                    this.#process.off('exit', this.#handleProcessExitAndReset)
                    if (this.#loaded) {
                      this.#npm.unload()
                    }
                  }
                }
                """));
    }

    /** docs/lib/index.js:155: a call ending a statement, the next statement opening a block, in a `=> {` body. */
    @Test
    void aCallFollowedByABlockIsNotAFunctionHeader() {
        assertEquals(List.of("function generateFlagsTable@1"), defs(Language.JAVASCRIPT, """
                const generateFlagsTable = (definitionPool) => {
                  const rows = Object.keys(definitionPool).map((n) => {
                    let typeVal = def.typeDescription || String(def.type)
                    if (def.required) {
                      typeVal = `${typeVal} (required)`
                    }
                  })
                }
                if (process.env.CI) {
                  setup(process.env)
                  {
                    run()
                  }
                }
                """));
    }

    /** @sigstore/protobuf-specs sigstore_common.js:371: every method of an object literal, not only the first. */
    @Test
    void methodsOfObjectLiterals() {
        assertEquals(List.of("method fromJSON@2", "method toJSON@5"), defs(Language.JAVASCRIPT, """
                exports.HashOutput = {
                    fromJSON(object) {
                        return { algorithm: isSet(object.algorithm) ? 1 : 0 };
                    },
                    toJSON(message) {
                        const obj = {};
                        return obj;
                    },
                };
                """).stream().map(s -> s.replaceAll("\\[.*", "").replace("function ", "method ")).toList());
        // proc-log/lib/index.js:17: "key: function (…) {"; a ternary's function value and plain values are not
        assertEquals(List.of("method standard@3", "method error@6"), defs(Language.JAVASCRIPT, """
                module.exports = {
                  KEYS: { standard: 'standard' },
                  standard: function (...args) {
                    return process.emit('output', 'standard', ...args)
                  },
                  error: async function (...args) {
                    return process.emit('output', 'error', ...args)
                  },
                }
                const pick = ready ? run : function () { }
                """));
    }

    /** archy/index.js, ms/index.js, libnpmexec: assignments of function values to properties. */
    @Test
    void functionValuesAssignedToProperties() {
        assertEquals(List.of("function exports@1[module]", "method bar@4[Foo]", "function baz@7[exports]",
                "function named@7", "function qux@8[exports]", "function c@9[a.b]"), defs(Language.JAVASCRIPT, """
                module.exports = function (a) {
                  return helper(a)
                }
                Foo.prototype.bar = function (x) {
                  return x
                }
                exports.baz = function named (y) { return y }
                exports.qux = (z) => { return z }
                a.b.c = async function () {}
                obj.value = compute(1)
                """));
        // diff/libcjs/diff/array.js:32: an ES5 class in an IIFE; other assignments in a body stay local
        assertEquals(List.of("function ArrayDiff@2", "method removeEmpty@3[ArrayDiff]"), defs(Language.JAVASCRIPT, """
                var ArrayDiff = (function (_super) {
                    function ArrayDiff() { }
                    ArrayDiff.prototype.removeEmpty = function (value) {
                        return value;
                    };
                    helpers.tokenize = function (value) { return value; };
                    return ArrayDiff;
                }(Diff));
                """));
    }

    /** minipass-fetch/lib/headers.js:134, semver/internal/lrucache.js:21: methods named like keywords. */
    @Test
    void classMethodsNamedLikeKeywords() {
        assertEquals(List.of("class LRUCache@1", "method get@2[LRUCache]", "method delete@5[LRUCache]",
                "method new@8[LRUCache]"), defs(Language.JAVASCRIPT, """
                class LRUCache {
                  get (key) {
                    return this.map.get(key)
                  }
                  delete (key) {
                    return this.map.delete(key)
                  }
                  static new (x) { return new LRUCache(x) }
                }
                if (a) {
                  if (b) {
                    run()
                  }
                }
                """));
    }

    /** npm's bin/npm-cli.js is a .js file, but node-gyp-bin and many vendors' tools are extension-less scripts. */
    @Test
    void extensionlessNodeScriptsAreJavaScript() {
        String cli = "#!/usr/bin/env node\nconst run = (argv) => {\n  return main(argv)\n}\n";
        assertEquals(Language.JAVASCRIPT, Language.detect("bin/npx", cli));
        assertEquals(List.of("function run@2"), defs(Language.detect("bin/npx", cli), cli));
        assertEquals(Language.JAVASCRIPT, Language.detect("bin/tool", "#!/usr/bin/env -S node --no-warnings\n"));
        assertEquals(Language.JAVASCRIPT, Language.detect("bin/tool", "#! /usr/local/bin/node\n"));
        assertEquals(Language.PYTHON, Language.detect("scripts/gen", "#!/usr/bin/python3.11\nimport os\n"));
        assertEquals(Language.SHELL, Language.detect("configure", "#!/bin/sh\nset -e\n"));
        // hostile or unrelated first lines stay plain text; a name with an extension is not looked into
        assertEquals(Language.PLAIN, Language.detect("bin/x", "#!/usr/bin/env\n"));
        assertEquals(Language.PLAIN, Language.detect("bin/x", "#!/usr/bin/perl -w\n"));
        assertEquals(Language.PLAIN, Language.detect("bin/x", "#!"));
        assertEquals(Language.PLAIN, Language.detect("bin/x", "#!/usr/bin/env node\u202e\n"));
        assertEquals(Language.PLAIN, Language.detect("bin/x", "#!" + " ".repeat(100_000) + "node\n"));
        assertEquals(Language.PLAIN, Language.detect("notes.txt", "#!/usr/bin/env node\n"));
    }
}
