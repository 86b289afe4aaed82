/* The rich-text editor's "LibraryImage" extension: a picture from the image library.

   The text keeps only a reference, <img data-image="42">, which the page shows as the
   library's picture with its srcset and its description in the reader's language
   (core/rich_text.py). The toolbar button opens a chooser: the library's newest
   pictures, or those whose description, credit or file name match what is typed.
   Loaded by django-prose-editor (settings.DJANGO_PROSE_EDITOR_EXTENSIONS); its options,
   the chooser's address and the labels in the editor's language, come from
   core/fields.py. */
import { Node } from "django-prose-editor/editor";

// The library's answer for each picture already asked for, shared by every editor.
const described = new Map();

function ask(chooser, parameters) {
  const url = new URL(chooser, window.location.href);
  for (const [name, value] of Object.entries(parameters)) {
    url.searchParams.set(name, value);
  }
  return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? response.json() : { results: [] }))
    .then((data) => data.results);
}

function describe(chooser, number) {
  if (!described.has(number)) {
    described.set(number, ask(chooser, { id: number }).then((results) => results[0] || null));
  }
  return described.get(number);
}

function element(name, properties = {}, children = []) {
  const node = Object.assign(document.createElement(name), properties);
  node.append(...children);
  return node;
}

function choose(editor, { chooser, labels }) {
  const search = element("input", { type: "search", className: "vTextField" });
  const results = element("ul", { className: "library-image-choices" });
  const close = element("button", { type: "button", textContent: labels.close });
  const dialog = element("dialog", { className: "prose-editor-dialog library-image-chooser" }, [
    element("h3", { className: "prose-editor-dialog-title", textContent: labels.title }),
    element("label", { className: "prose-editor-dialog-field" }, [labels.search, " ", search]),
    results,
    element("div", { className: "prose-editor-dialog-buttons" }, [close]),
  ]);

  function show(choices) {
    results.replaceChildren(
      ...choices.map((choice) => {
        const button = element("button", { type: "button", title: choice.label }, [
          element("img", {
            src: choice.thumbnail,
            width: choice.width,
            height: choice.height,
            alt: choice.label,
          }),
        ]);
        button.addEventListener("click", () => {
          described.set(String(choice.id), Promise.resolve(choice));
          editor.chain().focus().insertLibraryImage(choice.id).run();
          dialog.close();
        });
        return element("li", {}, [button]);
      }),
    );
    if (!choices.length) {
      results.append(element("li", { textContent: labels.none }));
    }
  }

  let typing;
  search.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => ask(chooser, { q: search.value }).then(show), 250);
  });
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  ask(chooser, {}).then(show);
}

export const LibraryImage = Node.create({
  name: "libraryImage",
  group: "block",
  atom: true,
  draggable: true,

  addOptions() {
    return { chooser: "", labels: {} };
  },

  addAttributes() {
    return {
      image: {
        default: null,
        parseHTML: (node) => node.getAttribute("data-image"),
        renderHTML: (attributes) => ({ "data-image": attributes.image }),
      },
    };
  },

  parseHTML() {
    return [{ tag: "img[data-image]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["img", HTMLAttributes];
  },

  // In the editor the reference shows the picture, described as in the library.
  addNodeView() {
    const { chooser } = this.options;
    return ({ node }) => {
      const dom = element("img", { className: "library-image", alt: "" });
      describe(chooser, String(node.attrs.image)).then((choice) => {
        if (choice) {
          Object.assign(dom, {
            src: choice.thumbnail,
            width: choice.width,
            height: choice.height,
            alt: choice.label,
          });
        }
      });
      return { dom };
    };
  },

  addCommands() {
    return {
      // After the paragraph (or list, or quotation) the cursor is in: a word is never cut.
      insertLibraryImage:
        (image) =>
        ({ state, commands }) => {
          const { $from } = state.selection;
          const after = $from.depth ? $from.after(1) : $from.pos;
          return commands.insertContentAt(after, { type: this.name, attrs: { image: String(image) } });
        },
    };
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "libraryImage",
      groups: "nodes",
      command: (editor) => choose(editor, this.options),
      button: buttons.material("image", this.options.labels.insert),
    });
  },
});
