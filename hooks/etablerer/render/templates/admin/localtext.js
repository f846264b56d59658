// The "localtext" widget of cms/config.yml: Decap's object widget, one field per language,
// that also takes a text written as a plain string (`title: Regnskap`, bokmål only, as
// make new-course writes it). Decap's object widget expects a map and fails on a string;
// this one shows the string as the bokmål text. An unchanged text is written back as it
// was; an edited one becomes {nb: …, en: …}. Loaded after decap-cms.js (no inline script).
(function () {
  "use strict";
  var objectWidget = window.CMS.getWidget("object");
  function LocalTextControl(props) {
    if (typeof props.value !== "string") {
      return window.h(objectWidget.control, props);
    }
    var value = props.entry.clear().set("nb", props.value);  // an empty Immutable Map, then {nb: …}
    // Decap's own onChangeObject sets the field on the string it was given, and fails: set it on the map.
    function onChangeObject(field, fieldValue, metadata) {
      var named = {};
      named[props.field.get("name")] = metadata;
      return props.onChange(value.set(field.get("name"), fieldValue), metadata && named);
    }
    return window.h(objectWidget.control, Object.assign({}, props, { value: value, onChangeObject: onChangeObject }));
  }
  window.CMS.registerWidget("localtext", LocalTextControl, objectWidget.preview);
})();
