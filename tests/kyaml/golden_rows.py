"""Golden rows for kyaml's round trip, produced by sigs.k8s.io/kustomize/kyaml v0.21.1 with
go.yaml.in/yaml/v3 v3.0.4 (the versions Helm v4.2.3 builds with): kio.ParseAll then kio.StringAll,
and Helm's annotateAndMerge / splitAndDeannotate. Inputs come from hand-written shapes, from
yaml.v3's own node round-trip tests and from comment layouts. ``KNOWN_DIFFERENCES`` are rows
chartist does not reproduce yet (comments inside flow collections, after a bare ``-``, and a
comment following a line comment at the top level).
"""

# fmt: off
ROUNDTRIP = [('plain', 'a: 1\nb: two\nc: true\nd: ~\ne: null\nf:\n', 'a: 1\nb: two\nc: true\nd: ~\ne: null\nf:\n'),
 ('quotes',
  'a: \'x\'\nb: "y"\nc: \'it\'\'s\'\nd: "tab\\there"\ne: "\\u00e9"\nf: \'@at\'\n',
  'a: \'x\'\nb: "y"\nc: \'it\'\'s\'\nd: "tab\\there"\ne: "é"\nf: \'@at\'\n'),
 ('needquote',
  'a: "yes"\nb: "123"\nc: "true"\nd: ""\ne: \'\'\n',
  'a: "yes"\nb: "123"\nc: "true"\nd: ""\ne: \'\'\n'),
 ('long',
  'a: word word word word word word word word word word word word word word word word word word word word '
  'word word word word word word word word word word word word word word word word word word word word end\n',
  'a: word word word word word word word word word word word word word word word word word word word word '
  'word word word word word word word word word word word word word word word word word word word word '
  'end\n'),
 ('longq',
  'a: "word word word word word word word word word word word word word word word word word word word word '
  'word word word word word word word word word word word word word word word word word word word word '
  'end"\n',
  'a: "word word word word word word word word word word word word word word word word word word word word '
  'word word word word word word word word word word word word word word word word word word word word '
  'end"\n'),
 ('multiline_plain', 'a: first\n  second\n  third\n', 'a: first second third\n'),
 ('multiline_dq', 'a: "first\n  second"\n', 'a: "first second"\n'),
 ('literal',
  'a: |\n  line1\n  line2\nb: |-\n  x\nc: |+\n  y\n\nd: end\n',
  'a: |\n  line1\n  line2\nb: |-\n  x\nc: |+\n  y\n\nd: end\n'),
 ('literal_indent', 'a: |2\n    indented\n  normal\n', 'a: |2\n    indented\n  normal\n'),
 ('folded',
  'a: >\n  folded text\n  more text\n\n  para\nb: >-\n  x\n',
  'a: >\n  folded text more text\n\n  para\n\nb: >-\n  x\n'),
 ('seq_compact', 'a:\n- 1\n- 2\n', 'a:\n- 1\n- 2\n'),
 ('seq_indented', 'a:\n    - 1\n    - 2\n', 'a:\n- 1\n- 2\n'),
 ('seq_of_maps',
  'containers:\n  - name: a\n    image: b\n    ports:\n      - containerPort: 80\n        name: http\n',
  'containers:\n- name: a\n  image: b\n  ports:\n  - containerPort: 80\n    name: http\n'),
 ('nested_seq', 'a:\n- - 1\n  - 2\n- - 3\n', 'a:\n- - 1\n  - 2\n- - 3\n'),
 ('flow',
  'a: [1, 2, "x"]\nb: {k: v, "q": 1}\nc: []\nd: {}\ne: [ {a: 1}, [2] ]\n',
  'a: [1, 2, "x"]\nb: {k: v, "q": 1}\nc: []\nd: {}\ne: [{a: 1}, [2]]\n'),
 ('flow_multiline', 'a: [\n  1,\n  2\n]\n', 'a: [1, 2]\n'),
 ('anchors', 'a: &x\n  k: v\nb: *x\nc: &y 1\nd: *y\n', 'a: &x\n  k: v\nb: *x\nc: &y 1\nd: *y\n'),
 ('merge',
  'base: &b\n  k: v\nderived:\n  <<: *b\n  z: 1\n',
  'base: &b\n  k: v\nderived:\n  !!merge <<: *b\n  z: 1\n'),
 ('tags',
  'a: !!str 1\nb: !custom x\nc: !!binary aGVsbG8=\nd: !!int "3"\n',
  'a: !!str 1\nb: !custom x\nc: !!binary aGVsbG8=\nd: !!int "3"\n'),
 ('empty_key', '"": x\n? complex\n: y\n', '"": x\ncomplex: y\n'),
 ('long_key',
  'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: '
  'v\n',
  '? '
  'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n'
  ': v\n'),
 ('unicode', 'a: héllo\nb: "😀"\nc: 😀\n', 'a: héllo\nb: "\\U0001F600"\nc: "\\U0001F600"\n'),
 ('special_chars',
  'a: "x: y"\nb: "- x"\nc: "#x"\nd: "x #y"\ne: "[x"\n',
  'a: "x: y"\nb: "- x"\nc: "#x"\nd: "x #y"\ne: "[x"\n'),
 ('trailing_space', "a: 'x '\nb: ' x'\n", "a: 'x '\nb: ' x'\n"),
 ('crlf', 'a: 1\r\nb: 2\r\n', 'a: 1\nb: 2\n'),
 ('tabs', 'a: "x\\ty"\n', 'a: "x\\ty"\n'),
 ('docstart', '---\na: 1\n', 'a: 1\n'),
 ('docend', 'a: 1\n...\n', 'a: 1\n'),
 ('scalar_doc',
  'just a string\n',
  ('ERROR', 'wrong node kind: expected MappingNode but got ScalarNode: node contents:\njust a string\n')),
 ('seq_doc',
  '- a\n- b\n',
  ('ERROR', 'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n- a\n- b\n')),
 ('null_doc', '~\n', ''),
 ('list_kind',
  'apiVersion: v1\n'
  'kind: List\n'
  'items:\n'
  '- kind: ConfigMap\n'
  '  metadata:\n'
  '    name: a\n'
  '- kind: Secret\n'
  '  metadata:\n'
  '    name: b\n',
  'kind: ConfigMap\nmetadata:\n  name: a\n---\nkind: Secret\nmetadata:\n  name: b\n'),
 ('meta_empty', 'kind: X\nmetadata: {}\n', 'kind: X\n'),
 ('meta_null', 'kind: X\nmetadata:\n', 'kind: X\n'),
 ('ann_empty',
  'kind: X\nmetadata:\n  name: a\n  annotations: {}\n  labels:\n    a: b\n',
  'kind: X\nmetadata:\n  name: a\n  labels:\n    a: b\n'),
 ('ann_existing',
  'kind: X\nmetadata:\n  annotations:\n    b: "1"\n    a: x\n  name: n\n',
  'kind: X\nmetadata:\n  annotations:\n    b: "1"\n    a: x\n  name: n\n'),
 ('legacy_path',
  'kind: X\nmetadata:\n  annotations:\n    config.kubernetes.io/path: foo.yaml\n',
  'kind: X\n'
  'metadata:\n'
  '  annotations:\n'
  '    config.kubernetes.io/path: foo.yaml\n'
  "    internal.config.kubernetes.io/path: 'foo.yaml'\n"),
 ('indent4', 'a:\n    b:\n        c: 1\n', 'a:\n  b:\n    c: 1\n'),
 ('key_quoted', '"a": 1\n\'b\': 2\n', '"a": 1\n\'b\': 2\n'),
 ('numbers',
  'a: 0x1F\nb: 010\nc: 1e3\nd: .5\ne: -0\nf: +1\ng: 1_000\nh: 0o17\n',
  'a: 0x1F\nb: 010\nc: 1e3\nd: .5\ne: -0\nf: +1\ng: 1_000\nh: 0o17\n'),
 ('dash_strings',
  'a: ---\nb: "---"\nc: -x\nd: - \n',
  ('ERROR', 'MalformedYAMLError: yaml: line 4: block sequence entries are not allowed in this context')),
 ('win_path', 'a: C:\\\\path\n', 'a: C:\\\\path\n'),
 ('colon_value', 'a: http://x:8080/y\nb: x:y\n', 'a: http://x:8080/y\nb: x:y\n'),
 ('emptyseqitem', 'a:\n-\n- x\n', 'a:\n-\n- x\n'),
 ('block_in_seq', 'a:\n- |\n  text\n- >\n  folded\n', 'a:\n- |\n  text\n- >\n  folded\n\n'),
 ('deep', 'a:\n  b:\n    c:\n      d:\n        e: [1]\n', 'a:\n  b:\n    c:\n      d:\n        e: [1]\n'),
 ('json_doc',
  '{"apiVersion": "v1", "kind": "ConfigMap", "data": {"a": "b"}}\n',
  '{"apiVersion": "v1", "kind": "ConfigMap", "data": {"a": "b"}}\n'),
 ('json_multiline', '{\n  "a": 1,\n  "b": [1, 2]\n}\n', '{"a": 1, "b": [1, 2]}\n'),
 ('c_head', '# head\na: 1\n', '# head\na: 1\n'),
 ('c_head_blank', '# head\n\na: 1\n', '# head\n\na: 1\n'),
 ('c_line', 'a: 1 # line\nb: 2\n', 'a: 1 # line\nb: 2\n'),
 ('c_key_line', 'a: # key\n  b: 1\n', 'a: # key\n  b: 1\n'),
 ('c_between', 'a: 1\n# between\nb: 2\n', 'a: 1\n# between\nb: 2\n'),
 ('c_between_blank_before', 'a: 1\n\n# between\nb: 2\n', 'a: 1\n# between\nb: 2\n'),
 ('c_between_blank_after', 'a: 1\n# between\n\nb: 2\n', 'a: 1\n# between\n\nb: 2\n'),
 ('c_between_blank_both', 'a: 1\n\n# between\n\nb: 2\n', 'a: 1\n# between\nb: 2\n'),
 ('c_nested_foot', 'a:\n  b: 1\n  # foot b\nc: 2\n', 'a:\n  b: 1\n  # foot b\nc: 2\n'),
 ('c_nested_dedent', 'a:\n  b: 1\n# head c\nc: 2\n', 'a:\n  b: 1\n# head c\nc: 2\n'),
 ('c_end', 'a: 1\n# end\n', 'a: 1\n# end\n'),
 ('c_end_blank', 'a: 1\n\n# end\n', 'a: 1\n\n# end\n'),
 ('c_seq', 'a:\n  # head item\n  - x # line\n  - y\n', 'a:\n# head item\n- x # line\n- y\n'),
 ('c_seq_between', 'l:\n- a\n# c\n- b\n', 'l:\n- a\n# c\n- b\n'),
 ('c_seq_foot_blank', 'l:\n- a\n# c\n\n- b\n', 'l:\n- a\n# c\n\n- b\n'),
 ('c_in_flow', 'a: [1, # c\n  2]\n', 'a: [1, # c\n  2]\n'),
 ('c_after_flow', 'a: [1, 2] # c\n', 'a: [1, 2] # c\n'),
 ('c_block_scalar_line', 'a: | # c\n  text\n', 'a: | # c\n  text\n'),
 ('c_doc_head_multi', '# one\n\n# two\n\n# three\na: 1\n', '# one\n\n# two\n\n# three\na: 1\n'),
 ('c_indented_head',
  'spec:\n'
  '  # replicas\n'
  '  replicas: 1\n'
  '  template:\n'
  '    # meta\n'
  '    metadata:\n'
  '      labels:\n'
  '        app: x\n',
  'spec:\n'
  '  # replicas\n'
  '  replicas: 1\n'
  '  template:\n'
  '    # meta\n'
  '    metadata:\n'
  '      labels:\n'
  '        app: x\n'),
 ('c_deep_foot',
  'a:\n  b:\n    c: 1\n    # foot c\n  # foot b\n# head d\nd: 1\n',
  'a:\n  b:\n    c: 1\n    # foot c\n  # foot b\n# head d\nd: 1\n'),
 ('c_helm_like',
  'apiVersion: v1\n'
  'kind: Service\n'
  'metadata:\n'
  '  name: x\n'
  'spec:\n'
  '  type: ClusterIP\n'
  '  ports:\n'
  '    - port: 80\n'
  '      targetPort: http\n'
  '      protocol: TCP\n'
  '      name: http\n'
  '      # nodePort: 123\n'
  '  selector:\n'
  '    app: x\n',
  'apiVersion: v1\n'
  'kind: Service\n'
  'metadata:\n'
  '  name: x\n'
  'spec:\n'
  '  type: ClusterIP\n'
  '  ports:\n'
  '  - port: 80\n'
  '    targetPort: http\n'
  '    protocol: TCP\n'
  '    name: http\n'
  '    # nodePort: 123\n'
  '  selector:\n'
  '    app: x\n'),
 ('c_helm_like2',
  'spec:\n'
  '  containers:\n'
  '    - name: a\n'
  '      # image comment\n'
  '      image: x\n'
  '      env:\n'
  '        # env comment\n'
  '        - name: A\n'
  '          value: "1"\n',
  'spec:\n'
  '  containers:\n'
  '  - name: a\n'
  '    # image comment\n'
  '    image: x\n'
  '    env:\n'
  '    # env comment\n'
  '    - name: A\n'
  '      value: "1"\n'),
 ('c_trailing_blank_lines', 'a: 1\n\n\n', 'a: 1\n'),
 ('c_blank_lines_between', 'a: 1\n\n\nb: 2\n', 'a: 1\nb: 2\n'),
 ('c_hash_in_value', 'a: x#y\nb: "x # y"\nc: x # real\n', 'a: x#y\nb: "x # y"\nc: x # real\n'),
 ('c_only', '# only a comment\n', ''),
 ('c_seq_item_map',
  '- name: a\n  # comment in item\n  v: 1\n# between items\n- name: b\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n'
   '- name: a\n'
   '  # comment in item\n'
   '  v: 1\n'
   '# between items\n'
   '- name: b\n')),
 ('c_multi_after_key', 'a:\n  # c1\n  # c2\n  b: 1\n', 'a:\n  # c1\n  # c2\n  b: 1\n'),
 ('c_commented_block', 'a:\n  b: 1\n  # c:\n  #   d: 2\ne: 3\n', 'a:\n  b: 1\n  # c:\n  #   d: 2\ne: 3\n'),
 ('c_commented_block2', 'a:\n  b: 1\n#  c:\n#    d: 2\ne: 3\n', 'a:\n  b: 1\n#  c:\n#    d: 2\ne: 3\n'),
 ('c_end_nested', 'a:\n  b: 1\n  # end b\n', 'a:\n  b: 1\n  # end b\n'),
 ('c_end_nested_blank', 'a:\n  b: 1\n\n  # end b\n', 'a:\n  b: 1\n\n# end b\n'),
 ('c_head_doc_list',
  '# c\n- a\n',
  ('ERROR', 'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n# c\n- a\n')),
 ('c_line_seq_item',
  '- a # x\n- b # y\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n- a # x\n- b # y\n')),
 ('c_line_after_key_null', 'a: # c\nb: 1\n', 'a: # c\nb: 1\n'),
 ('c_two_paras_head', 'a: 1\n\n# p1\n\n# p2\nb: 2\n', 'a: 1\n# p1\n\n# p2\nb: 2\n'),
 ('c_two_paras_touch', 'a: 1\n# p1\n\n# p2\nb: 2\n', 'a: 1\n# p1\n\n# p2\nb: 2\n'),
 ('c_foot_then_head_nested',
  'x:\n  a: 1\n  # foot a\n\n  # head b\n  b: 2\n',
  'x:\n  a: 1\n  # foot a\n\n  # head b\n  b: 2\n'),
 ('multibyte_key_short',
  'éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé: v\n',
  'éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé: v\n'),
 ('multibyte_key_long',
  'éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé: v\n',
  '? éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n: v\n'),
 ('yes_on_plain', 'a: yes\nb: on\nc: "on"\nd: y\n', 'a: yes\nb: on\nc: "on"\nd: y\n'),
 ('url_and_ports',
  'image: "registry.example.com:5000/app:1.2.3"\nport: "8080"\ncmd: ["sh", "-c", "echo $HOME && ls"]\n',
  'image: "registry.example.com:5000/app:1.2.3"\nport: "8080"\ncmd: ["sh", "-c", "echo $HOME && ls"]\n'),
 ('long_plain_line',
  'description: lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem '
  'lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem '
  'lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem '
  'lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem\n',
  'description: lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem '
  'lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem '
  'lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem '
  'lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem lorem\n'),
 ('json_in_string',
  'data:\n  config.json: \'{"a": 1, "b": [1, 2]}\'\n',
  'data:\n  config.json: \'{"a": 1, "b": [1, 2]}\'\n'),
 ('block_with_blank_lines', 'a: |\n  x\n\n  y\n\n\nb: 1\n', 'a: |\n  x\n\n  y\nb: 1\n'),
 ('block_leading_space', 'a: |2\n   leading\n', 'a: |2\n   leading\n'),
 ('block_trailing_spaces', 'a: |\n  x  \n  y\n', 'a: "x  \\ny\\n"\n'),
 ('folded_long',
  'a: >\n'
  '  word word word word word word word word word word word word word word word word word word word word '
  'word word word word word word word word word word\n',
  'a: >\n'
  '  word word word word word word word word word word word word word word word word word word word word '
  'word word word word word word word word word word\n'
  '\n'),
 ('dq_multiline_escapes',
  'a: "line1\\nline2"\nb: "tab\\tx"\nc: "q\\"x"\n',
  'a: "line1\\nline2"\nb: "tab\\tx"\nc: "q\\"x"\n'),
 ('sq_multiline', "a: 'one\n  two'\n", "a: 'one two'\n"),
 ('empty_values', 'a:\nb: ""\nc: []\nd: {}\ne: ~\n', 'a:\nb: ""\nc: []\nd: {}\ne: ~\n'),
 ('nested_flow_in_block',
  'a:\n  - {name: x, value: "1"}\n  - [1, 2]\n',
  'a:\n- {name: x, value: "1"}\n- [1, 2]\n'),
 ('multi_doc_file',
  'kind: A\n---\nkind: B\n---\n# only comment\n---\nkind: C\n',
  'kind: A\n---\nkind: B\n---\nkind: C\n'),
 ('anchor_on_seq', 'a: &l\n  - 1\nb: *l\n', 'a: &l\n- 1\nb: *l\n'),
 ('explicit_key', '? a\n: 1\n', 'a: 1\n'),
 ('null_key', '~: x\nnull: y\n', '~: x\nnull: y\n'),
 ('ints_as_keys', '1: a\n2.5: b\ntrue: c\n', '1: a\n2.5: b\ntrue: c\n'),
 ('percent_and_at', 'a: "%x"\nb: "@x"\nc: "`x"\n', 'a: "%x"\nb: "@x"\nc: "`x"\n'),
 ('helm_labels',
  'metadata:\n'
  '  labels:\n'
  '    app.kubernetes.io/name: x\n'
  '    helm.sh/chart: x-1.0.0\n'
  '    app.kubernetes.io/version: "1.16.0"\n',
  'metadata:\n'
  '  labels:\n'
  '    app.kubernetes.io/name: x\n'
  '    helm.sh/chart: x-1.0.0\n'
  '    app.kubernetes.io/version: "1.16.0"\n'),
 ('secret_data',
  'apiVersion: v1\nkind: Secret\ntype: Opaque\ndata:\n  password: "cGFzcw=="\n  token: dG9rZW4=\n',
  'apiVersion: v1\nkind: Secret\ntype: Opaque\ndata:\n  password: "cGFzcw=="\n  token: dG9rZW4=\n'),
 ('crd_like',
  'spec:\n'
  '  versions:\n'
  '  - name: v1\n'
  '    schema:\n'
  '      openAPIV3Schema:\n'
  '        type: object\n'
  '        x-kubernetes-preserve-unknown-fields: true\n',
  'spec:\n'
  '  versions:\n'
  '  - name: v1\n'
  '    schema:\n'
  '      openAPIV3Schema:\n'
  '        type: object\n'
  '        x-kubernetes-preserve-unknown-fields: true\n'),
 ('yaml-v3-node-0', 'null\n', ''),
 ('yaml-v3-node-2',
  'foo\n',
  ('ERROR', 'wrong node kind: expected MappingNode but got ScalarNode: node contents:\nfoo\n')),
 ('yaml-v3-node-3',
  '"foo"\n',
  ('ERROR', 'wrong node kind: expected MappingNode but got ScalarNode: node contents:\n"foo"\n')),
 ('yaml-v3-node-4',
  "'foo'\n",
  ('ERROR', "wrong node kind: expected MappingNode but got ScalarNode: node contents:\n'foo'\n")),
 ('yaml-v3-node-5',
  '!!str 123\n',
  ('ERROR', 'wrong node kind: expected MappingNode but got ScalarNode: node contents:\n!!str 123\n')),
 ('yaml-v3-node-6',
  '!tag:something 123\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got ScalarNode: node contents:\n!tag:something 123\n')),
 ('yaml-v3-node-8', '!tag:something {}\n', '!tag:something {}\n'),
 ('yaml-v3-node-10',
  '!tag:something []\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n!tag:something []\n')),
 ('yaml-v3-node-12',
  "''\n",
  ('ERROR', "wrong node kind: expected MappingNode but got ScalarNode: node contents:\n''\n")),
 ('yaml-v3-node-13',
  '|\n  foo\n  bar\n',
  ('ERROR', 'wrong node kind: expected MappingNode but got ScalarNode: node contents:\n|\n  foo\n  bar\n')),
 ('yaml-v3-node-14',
  'true\n',
  ('ERROR', 'wrong node kind: expected MappingNode but got ScalarNode: node contents:\ntrue\n')),
 ('yaml-v3-node-15',
  '-10\n',
  ('ERROR', 'wrong node kind: expected MappingNode but got ScalarNode: node contents:\n-10\n')),
 ('yaml-v3-node-16',
  '4294967296\n',
  ('ERROR', 'wrong node kind: expected MappingNode but got ScalarNode: node contents:\n4294967296\n')),
 ('yaml-v3-node-17',
  '0.1000\n',
  ('ERROR', 'wrong node kind: expected MappingNode but got ScalarNode: node contents:\n0.1000\n')),
 ('yaml-v3-node-18',
  '-.inf\n',
  ('ERROR', 'wrong node kind: expected MappingNode but got ScalarNode: node contents:\n-.inf\n')),
 ('yaml-v3-node-19',
  '.nan\n',
  ('ERROR', 'wrong node kind: expected MappingNode but got ScalarNode: node contents:\n.nan\n')),
 ('yaml-v3-node-20', '{}\n', '{}\n'),
 ('yaml-v3-node-21', 'a: b c\n', 'a: b c\n'),
 ('yaml-v3-node-22', 'a:\n  b: c\n  d: e\n', 'a:\n  b: c\n  d: e\n'),
 ('yaml-v3-node-23', 'a:\n  - b: c\n    d: e\n', 'a:\n- b: c\n  d: e\n'),
 ('yaml-v3-node-24', 'a: # AI\n  - b\nc:\n  - d\n', 'a: # AI\n- b\nc:\n- d\n'),
 ('yaml-v3-node-27',
  '- a\n- - b\n  - c\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n- a\n- - b\n  - c\n')),
 ('yaml-v3-node-28', '\n', ''),
 ('yaml-v3-node-29',
  '- a\n- [b, c]\n',
  ('ERROR', 'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n- a\n- [b, c]\n')),
 ('yaml-v3-node-30', 'a: &x 1\nb: &y 2\nc: *x\nd: *y\n', 'a: &x 1\nb: &y 2\nc: *x\nd: *y\n'),
 ('yaml-v3-node-31',
  '#   One\n#   Two\ntrue #   Three\n#   Four\n#   Five\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got ScalarNode: node contents:\n'
   '#   One\n'
   '#   Two\n'
   'true #   Three\n'
   '#   Four\n'
   '#   Five\n')),
 ('yaml-v3-node-32',
  '# DH1\n\n# DH2\n\n# H1\n# H2\ntrue # I\n# F1\n# F2\n\n# DF1\n\n# DF2\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got ScalarNode: node contents:\n'
   '# H1\n'
   '# H2\n'
   'true # I\n'
   '# F1\n'
   '# F2\n')),
 ('yaml-v3-node-33',
  '# DH1\n'
  '\n'
  '# DH2\n'
  '\n'
  '# HA1\n'
  '# HA2\n'
  'ka: va # IA\n'
  '# FA1\n'
  '# FA2\n'
  '\n'
  '# HB1\n'
  '# HB2\n'
  'kb: vb # IB\n'
  '# FB1\n'
  '# FB2\n'
  '\n'
  '# DF1\n'
  '\n'
  '# DF2\n',
  '# DH1\n'
  '\n'
  '# DH2\n'
  '\n'
  '# HA1\n'
  '# HA2\n'
  'ka: va # IA\n'
  '# FA1\n'
  '# FA2\n'
  '\n'
  '# HB1\n'
  '# HB2\n'
  'kb: vb # IB\n'
  '# FB1\n'
  '# FB2\n'
  '\n'
  '# DF1\n'
  '\n'
  '# DF2\n'),
 ('yaml-v3-node-34',
  '# DH1\n'
  '\n'
  '# DH2\n'
  '\n'
  '# HA1\n'
  '# HA2\n'
  '- la # IA\n'
  '# FA1\n'
  '# FA2\n'
  '\n'
  '# HB1\n'
  '# HB2\n'
  '- lb # IB\n'
  '# FB1\n'
  '# FB2\n'
  '\n'
  '# DF1\n'
  '\n'
  '# DF2\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n'
   '# HA1\n'
   '# HA2\n'
   '- la # IA\n'
   '# FA1\n'
   '# FA2\n'
   '\n'
   '# HB1\n'
   '# HB2\n'
   '- lb # IB\n'
   '# FB1\n'
   '# FB2\n')),
 ('yaml-v3-node-35',
  '# DH1\n\n- la # IA\n# HB1\n- lb\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n- la # IA\n# HB1\n- lb\n')),
 ('yaml-v3-node-36',
  '- la # IA\n- lb # IB\n- lc # IC\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n'
   '- la # IA\n'
   '- lb # IB\n'
   '- lc # IC\n')),
 ('yaml-v3-node-37',
  '# DH1\n\n# HL1\n- - la\n  # HB1\n  - lb\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n'
   '# HL1\n'
   '- - la\n'
   '  # HB1\n'
   '  - lb\n')),
 ('yaml-v3-node-40',
  '# DH1\n'
  '\n'
  '# HA1\n'
  'ka:\n'
  '  # HB1\n'
  '  kb:\n'
  '    # HC1\n'
  '    # HC2\n'
  '    - lc # IC\n'
  '    # FC1\n'
  '    # FC2\n'
  '\n'
  '    # HD1\n'
  '    - ld # ID\n'
  '    # FD1\n'
  '\n'
  '# DF1\n',
  '# DH1\n'
  '\n'
  '# HA1\n'
  'ka:\n'
  '  # HB1\n'
  '  kb:\n'
  '  # HC1\n'
  '  # HC2\n'
  '  - lc # IC\n'
  '  # FC1\n'
  '  # FC2\n'
  '\n'
  '  # HD1\n'
  '  - ld # ID\n'
  '  # FD1\n'
  '\n'
  '# DF1\n'),
 ('yaml-v3-node-41',
  '# DH1\n'
  '\n'
  '# HA1\n'
  'ka:\n'
  '  # HB1\n'
  '  kb:\n'
  '    # HC1\n'
  '    # HC2\n'
  '    - lc # IC\n'
  '    # FC1\n'
  '    # FC2\n'
  '\n'
  '    # HD1\n'
  '    - ld # ID\n'
  '    # FD1\n'
  'ke: ve\n'
  '\n'
  '# DF1\n',
  '# DH1\n'
  '\n'
  '# HA1\n'
  'ka:\n'
  '  # HB1\n'
  '  kb:\n'
  '  # HC1\n'
  '  # HC2\n'
  '  - lc # IC\n'
  '  # FC1\n'
  '  # FC2\n'
  '\n'
  '  # HD1\n'
  '  - ld # ID\n'
  '  # FD1\n'
  'ke: ve\n'
  '\n'
  '# DF1\n'),
 ('yaml-v3-node-42',
  '# DH1\n'
  '\n'
  '# DH2\n'
  '\n'
  '# HA1\n'
  '# HA2\n'
  'ka:\n'
  '  # HB1\n'
  '  # HB2\n'
  '  kb:\n'
  '    # HC1\n'
  '    # HC2\n'
  '    kc:\n'
  '      # HD1\n'
  '      # HD2\n'
  '      kd: vd\n'
  '      # FD1\n'
  '      # FD2\n'
  '    # FC1\n'
  '    # FC2\n'
  '  # FB1\n'
  '  # FB2\n'
  '# FA1\n'
  '# FA2\n'
  '\n'
  '# HE1\n'
  '# HE2\n'
  'ke: ve\n'
  '# FE1\n'
  '# FE2\n'
  '\n'
  '# DF1\n'
  '\n'
  '# DF2\n',
  '# DH1\n'
  '\n'
  '# DH2\n'
  '\n'
  '# HA1\n'
  '# HA2\n'
  'ka:\n'
  '  # HB1\n'
  '  # HB2\n'
  '  kb:\n'
  '    # HC1\n'
  '    # HC2\n'
  '    kc:\n'
  '      # HD1\n'
  '      # HD2\n'
  '      kd: vd\n'
  '      # FD1\n'
  '      # FD2\n'
  '    # FC1\n'
  '    # FC2\n'
  '  # FB1\n'
  '  # FB2\n'
  '# FA1\n'
  '# FA2\n'
  '\n'
  '# HE1\n'
  '# HE2\n'
  'ke: ve\n'
  '# FE1\n'
  '# FE2\n'
  '\n'
  '# DF1\n'
  '\n'
  '# DF2\n'),
 ('yaml-v3-node-43', 'ka:\n  kb: vb\n# FA1\n\nkc: vc\n', 'ka:\n  kb: vb\n# FA1\n\nkc: vc\n'),
 ('yaml-v3-node-44', 'ka:\n  kb: vb\n# HC1\nkc: vc\n', 'ka:\n  kb: vb\n# HC1\nkc: vc\n'),
 ('yaml-v3-node-45', 'ka: # IA\n  kb: # IB\n', 'ka: # IA\n  kb: # IB\n'),
 ('yaml-v3-node-46',
  '# HA1\nka:\n  # HB1\n  kb: vb\n  # FB1\n# HC1\n# HC2\nkc: vc\n# FC1\n# FC2\n',
  '# HA1\nka:\n  # HB1\n  kb: vb\n  # FB1\n# HC1\n# HC2\nkc: vc\n# FC1\n# FC2\n'),
 ('yaml-v3-node-47',
  '# H1\n[la, lb] # I\n# F1\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n# H1\n[la, lb] # I\n# F1\n')),
 ('yaml-v3-node-53',
  '# DH1\n'
  '\n'
  '# DH2\n'
  '\n'
  '# HA1\n'
  '# HA2\n'
  '- &x la # IA\n'
  '# FA1\n'
  '# FA2\n'
  '\n'
  '# HB1\n'
  '# HB2\n'
  '- *x # IB\n'
  '# FB1\n'
  '# FB2\n'
  '\n'
  '# DF1\n'
  '\n'
  '# DF2\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n'
   '# HA1\n'
   '# HA2\n'
   '- &x la # IA\n'
   '# FA1\n'
   '# FA2\n'
   '\n'
   '# HB1\n'
   '# HB2\n'
   '- *x # IB\n'
   '# FB1\n'
   '# FB2\n')),
 ('comment-layout-0', 'c: 1\n    # foot c\n# x\n\nd: 1\n', 'c: 1\n# foot c\n# x\n\nd: 1\n'),
 ('comment-layout-2', 'a:\n  b: 1\n  # x\n\n  # y\n  c: 2\n', 'a:\n  b: 1\n  # x\n\n  # y\n  c: 2\n'),
 ('comment-layout-3', 'a:\n  - b\n  # after b\n  - c\n', 'a:\n- b\n# after b\n- c\n'),
 ('comment-layout-4', 'a:\n- b\n  # deeper after b\n- c\n', 'a:\n- b\n# deeper after b\n- c\n'),
 ('comment-layout-5',
  'metadata:\n  name: x # the name\n  # labels follow\n  labels:\n    a: b\n# spec next\nspec: {}\n',
  'metadata:\n  name: x # the name\n  # labels follow\n  labels:\n    a: b\n# spec next\nspec: {}\n'),
 ('comment-layout-7', 'a: 1 # c1\n\n# c2\n', 'a: 1 # c1\n\n# c2\n'),
 ('comment-layout-8', 'a:\n  b: # c\n    c: 1\n', 'a:\n  b: # c\n    c: 1\n'),
 ('comment-layout-9', 'a:\n  b:\n  # c\n    c: 1\n', 'a:\n  b:\n    # c\n    c: 1\n'),
 ('comment-layout-10',
  'items:\n  # first\n  - a\n\n  # second\n  - b\n',
  'items:\n# first\n- a\n# second\n- b\n'),
 ('comment-layout-11',
  '# top\napiVersion: v1\n# kind\nkind: X\n',
  '# top\napiVersion: v1\n# kind\nkind: X\n'),
 ('comment-layout-12', '\n\n# top after blanks\na: 1\n', '# top after blanks\na: 1\n'),
 ('comment-layout-13', 'a: |\n  x\n# after block\nb: 1\n', 'a: |\n  x\n# after block\nb: 1\n'),
 ('comment-layout-14', 'a: |\n  x\n\n# after block blank\nb: 1\n', 'a: |\n  x\n# after block blank\nb: 1\n'),
 ('comment-layout-15', 'a: |\n  x\n  # inside block\nb: 1\n', 'a: |\n  x\n  # inside block\nb: 1\n')]

KNOWN_DIFFERENCES = [('c_dash_comment',
  '- # c\n  a: 1\n',
  ('ERROR', 'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n- # c\n  a: 1\n')),
 ('yaml-v3-node-25',
  'a:\n  # HM\n  - # HB1\n    # HB2\n    b: # IB\n      c # IC\n',
  'a:\n# HM\n- # HB1\n  # HB2\n  b: c # IC\n'),
 ('yaml-v3-node-38',
  '# DH1\n\n# HL1\n- # HA1\n  - la\n  # HB1\n  - lb\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n'
   '# HL1\n'
   '- # HA1\n'
   '  - la\n'
   '  # HB1\n'
   '  - lb\n')),
 ('yaml-v3-node-39',
  '# DH1\n\n# HL1\n- # HA1\n\n  - la\n  # HB1\n  - lb\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n'
   '# HL1\n'
   '- # HA1\n'
   '  - la\n'
   '  # HB1\n'
   '  - lb\n')),
 ('yaml-v3-node-48',
  '# DH1\n\n# SH1\n[\n  # HA1\n  la, # IA\n  # FA1\n\n  # HB1\n  lb, # IB\n  # FB1\n]\n# SF1\n\n# DF1\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n'
   '# SH1\n'
   '[\n'
   '  # HA1\n'
   '  la, # IA\n'
   '  # FA1\n'
   '\n'
   '  # HB1\n'
   '  lb, # IB\n'
   '  # FB1\n'
   ']\n'
   '# SF1\n')),
 ('yaml-v3-node-49',
  '# DH1\n\n# SH1\n[\n  # HA1\n  la,\n  # FA1\n\n  # HB1\n  lb,\n  # FB1\n]\n# SF1\n\n# DF1\n',
  ('ERROR',
   'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n'
   '# SH1\n'
   '[\n'
   '  # HA1\n'
   '  la,\n'
   '  # FA1\n'
   '\n'
   '  # HB1\n'
   '  lb,\n'
   '  # FB1\n'
   ']\n'
   '# SF1\n')),
 ('yaml-v3-node-50',
  'ka:\n  kb: [\n    # HA1\n    la,\n    # FA1\n\n    # HB1\n    lb,\n    # FB1\n  ]\n',
  'ka:\n  kb: [\n    # HA1\n    la,\n    # FA1\n\n    # HB1\n    lb,\n    # FB1\n  ]\n'),
 ('yaml-v3-node-51',
  '# DH1\n'
  '\n'
  '# MH1\n'
  '{\n'
  '  # HA1\n'
  '  ka: va, # IA\n'
  '  # FA1\n'
  '\n'
  '  # HB1\n'
  '  kb: vb, # IB\n'
  '  # FB1\n'
  '}\n'
  '# MF1\n'
  '\n'
  '# DF1\n',
  '# DH1\n'
  '\n'
  '# MH1\n'
  '{\n'
  '  # HA1\n'
  '  ka: va, # IA\n'
  '  # FA1\n'
  '\n'
  '  # HB1\n'
  '  kb: vb, # IB\n'
  '  # FB1\n'
  '}\n'
  '# MF1\n'
  '\n'
  '# DF1\n'),
 ('yaml-v3-node-52',
  '# DH1\n\n# MH1\n{\n  # HA1\n  ka: va,\n  # FA1\n\n  # HB1\n  kb: vb,\n  # FB1\n}\n# MF1\n\n# DF1\n',
  '# DH1\n\n# MH1\n{\n  # HA1\n  ka: va,\n  # FA1\n\n  # HB1\n  kb: vb,\n  # FB1\n}\n# MF1\n\n# DF1\n'),
 ('comment-layout-1', 'a:\n  c: 1\n    # deeper\n# x\n\nd: 1\n', 'a:\n  c: 1\n  # deeper\n# x\n\nd: 1\n'),
 ('comment-layout-6', 'a: 1 # c1\n# c2\n', 'a: 1 # c1\n\n# c2\n')]

ANNOTATE = [('no-files', {}, ''),
 ('partials-and-empty-skipped',
  {'templates/_helpers.tpl': 'x: 1\n',
   'templates/cm.yaml': 'kind: ConfigMap\nmetadata:\n  name: a\n',
   'templates/empty.yaml': ' \n'},
  'kind: ConfigMap\n'
  'metadata:\n'
  '  name: a\n'
  '  annotations:\n'
  "    postrenderer.helm.sh/postrender-filename: 'templates/cm.yaml'\n"),
 ('sorted-by-name',
  {'templates/a.yaml': 'kind: A\n---\nkind: A2\n', 'templates/b.yaml': 'kind: B\n'},
  'kind: A\n'
  'metadata:\n'
  '  annotations:\n'
  "    postrenderer.helm.sh/postrender-filename: 'templates/a.yaml'\n"
  '---\n'
  'kind: A2\n'
  'metadata:\n'
  '  annotations:\n'
  "    postrenderer.helm.sh/postrender-filename: 'templates/a.yaml'\n"
  '---\n'
  'kind: B\n'
  'metadata:\n'
  '  annotations:\n'
  "    postrenderer.helm.sh/postrender-filename: 'templates/b.yaml'\n"),
 ('glued-separator',
  {'templates/s.yaml': '---apiVersion: v1\nkind: Service\n'},
  'apiVersion: v1\n'
  'kind: Service\n'
  'metadata:\n'
  '  annotations:\n'
  "    postrenderer.helm.sh/postrender-filename: 'templates/s.yaml'\n"),
 ('invalid-yaml',
  {'templates/invalid.yaml': '\ninvalid: yaml: content:\n  - malformed'},
  ('ERROR',
   'parsing templates/invalid.yaml: MalformedYAMLError: yaml: mapping values are not allowed in this '
   'context')),
 ('list-unwrapped',
  {'templates/list.yaml': 'apiVersion: v1\n'
                          'kind: List\n'
                          'items:\n'
                          '- kind: ConfigMap\n'
                          '  metadata:\n'
                          '    name: a\n'
                          '- kind: Secret\n'
                          '  metadata:\n'
                          '    name: b\n'},
  'kind: ConfigMap\n'
  'metadata:\n'
  '  name: a\n'
  '  annotations:\n'
  "    postrenderer.helm.sh/postrender-filename: 'templates/list.yaml'\n"
  '---\n'
  'kind: Secret\n'
  'metadata:\n'
  '  name: b\n'
  '  annotations:\n'
  "    postrenderer.helm.sh/postrender-filename: 'templates/list.yaml'\n"),
 ('sequence-document',
  {'templates/seq.yaml': '- a\n- b\n'},
  ('ERROR',
   'parsing templates/seq.yaml: wrong node kind: expected MappingNode but got SequenceNode: node contents:\n'
   '- a\n'
   '- b\n')),
 ('scalar-document',
  {'templates/s.yaml': 'hello\n'},
  ('ERROR',
   'parsing templates/s.yaml: wrong node kind: expected MappingNode but got ScalarNode: node contents:\n'
   'hello\n')),
 ('null-document-dropped',
  {'templates/m.yaml': 'a: 1\n', 'templates/n.yaml': '~\n'},
  "a: 1\nmetadata:\n  annotations:\n    postrenderer.helm.sh/postrender-filename: 'templates/m.yaml'\n"),
 ('quote-in-filename',
  {"templates/it's.yaml": 'a: 1\n'},
  "a: 1\nmetadata:\n  annotations:\n    postrenderer.helm.sh/postrender-filename: 'templates/it''s.yaml'\n"),
 ('comments-only', {'templates/c.yaml': '# only\n'}, ''),
 ('windows-line-endings',
  {'templates/w.yaml': 'a: 1\r\nb:\r\n  - x\r\n'},
  'a: 1\n'
  'b:\n'
  '- x\n'
  'metadata:\n'
  '  annotations:\n'
  "    postrenderer.helm.sh/postrender-filename: 'templates/w.yaml'\n"),
 ('unknown-anchor',
  {'templates/u.yaml': 'a: *nope\n'},
  ('ERROR', "parsing templates/u.yaml: MalformedYAMLError: yaml: unknown anchor 'nope' referenced")),
 ('tab-indent-error',
  {'templates/t.yaml': 'a:\n\tb: 1\n'},
  ('ERROR',
   'parsing templates/t.yaml: MalformedYAMLError: yaml: line 2: found character that cannot start any '
   'token')),
 ('error-line-2',
  {'templates/e.yaml': 'a: 1\nb: [\n'},
  ('ERROR',
   'parsing templates/e.yaml: MalformedYAMLError: yaml: line 2: did not find expected node content'))]

SPLIT = [('annotated',
  "a: 1\nmetadata:\n  annotations:\n    postrenderer.helm.sh/postrender-filename: 'templates/a.yaml'\n",
  '',
  {'templates/a.yaml': 'a: 1\n'}),
 ('other-annotations-kept',
  'kind: X\n'
  'metadata:\n'
  '  name: n\n'
  '  annotations:\n'
  '    postrenderer.helm.sh/postrender-filename: t.yaml\n'
  '    keep: me\n',
  '',
  {'t.yaml': 'kind: X\nmetadata:\n  name: n\n  annotations:\n    keep: me\n'}),
 ('generated-names',
  'kind: A\n'
  '---\n'
  'kind: B\n'
  'metadata:\n'
  '  annotations:\n'
  '    postrenderer.helm.sh/postrender-filename: t.yaml\n'
  '---\n'
  'kind: C\n',
  '',
  {'generated-by-postrender-0.yaml': 'kind: A\n',
   'generated-by-postrender-2.yaml': 'kind: C\n',
   't.yaml': 'kind: B\n'}),
 ('generated-names-prefix', 'kind: A\n', 'hooks', {'generated-by-postrender-hooks-0.yaml': 'kind: A\n'}),
 ('same-file-joined',
  'kind: A\n'
  'metadata:\n'
  '  annotations:\n'
  '    postrenderer.helm.sh/postrender-filename: t.yaml\n'
  '---\n'
  'kind: B\n'
  'metadata:\n'
  '  annotations:\n'
  '    postrenderer.helm.sh/postrender-filename: t.yaml\n',
  '',
  {'t.yaml': 'kind: A\n---\nkind: B\n'}),
 ('malformed',
  'invalid: yaml: content:',
  '',
  ('ERROR', 'error parsing YAML: MalformedYAMLError: yaml: mapping values are not allowed in this context')),
 ('bad-separator',
  'a: 1\n--- b\nc: 2\n',
  '',
  ('ERROR', 'error parsing YAML: invalid document separator: --- b')),
 ('list-of-one-unwrapped',
  'apiVersion: v1\nkind: List\nitems:\n- kind: A\n- kind: B\n',
  '',
  {'generated-by-postrender-0.yaml': 'kind: A\n', 'generated-by-postrender-1.yaml': 'kind: B\n'}),
 ('empty-docs-skipped', '---\n---\nkind: A\n---\n', '', {'generated-by-postrender-0.yaml': 'kind: A\n'})]

# (case, sha256 of annotateAndMerge output, sha256 of json.dumps(splitAndDeannotate(that), sort_keys=True))
CONFORMANCE = [('bitnami-nginx-default',
  '010cc497f0761dd78d3de3c99b9f1707ddbb567dfbc909a12873034f8a172dcd',
  'ffc57f4c6a1282b13b4a81d0625ed95990eb4a0aadd62dae4c600250a85aad8b'),
 ('bitnami-nginx-ingress-metrics',
  '34ab920b1adf0182c1d915ced16eaed12dd7e0c79086f0a4a395f466bf6f8a63',
  '4f1d93b135b31ab89a0055bed971152612c6787d1f530ed83b348fb0b3613f7c'),
 ('bitnami-nginx-serverblock-upgrade',
  '833f86693982227b832548781da1275590a4a93bc891c0e24e04e1a41248ed32',
  'db2d13cb40b381215d1938e3ec86e6bba658a450092c8a1ef1c88c6c5629ec62'),
 ('bitnami-postgresql-default',
  '9ab66220bf0f069a9d7f8ae9020772edcfdec99eea2312e4e5358c8a497f9c26',
  'a5bbfd648b628facff07df4f18e860fa2ae65d80f3bbd8d14fd52b1432fbd4c8'),
 ('bitnami-postgresql-replication',
  'c0d0f353b58b1ede1f2a48c6619bfa56da72a3f10e5e556acfae927de8344fca',
  'b1378c2179b21a27056dfe956c0bdee97c6ef7a3c8e5c02c5594f71ff3b6687f'),
 ('bitnami-postgresql-upgrade',
  'b55bcc2df7bcad3e4f2b1c6133330039be471d226f8ae411ad49e141626521ef',
  '97e035dc91af3238527444619d03260908320d63a9cb25da74fe6add55919039'),
 ('bitnami-rabbitmq-cluster',
  '61a8b5e66a5dc1948d4acd3e33efcbcabd1adf64bb10a2f504599b6a023dc423',
  'a752c917483172df1e7a87b6bd5e3c9f653c2129a96a6003f36d3d021f99d141'),
 ('bitnami-rabbitmq-default',
  '4dd95873637b79c0722bbf848bede6e5a565601ac289b4526db1b613644e537d',
  '4d91f8194947328333f1d48aee650726e608ba20372d2bfeb83e2b8c8fed7bc5'),
 ('bitnami-redis-default',
  '1a81f810e417c29dbf803c599e46ad44c615778c3c4592aa5d87c08ed3c3d09e',
  '057c7892a2689731a4c034375ebdcbf845821b1c0acd17e6689fba514b4b7413'),
 ('bitnami-redis-sentinel-metrics',
  'dc656810b825bae12a676247e87ff56ca6461df4d6bd6153ee3de9f8a542e08b',
  '90d0602b43ae98aa88a4acf9f4a6b0ba8e52ca4b0c7384a7425b7c7d969e887a'),
 ('bitnami-redis-standalone-existingsecret',
  '987c7632e2b148487787f5663242640322634fcb2390bdf4941616fde3e159ab',
  '2e84e5c322d5cb4e02f368a194d6f6a34d330faf72d832f4824b6711b2c44133'),
 ('bitnami-wordpress-default',
  'c54b9b8732b4fb3951b081fb00dfade76c7bea75a54396846c25e603257f489d',
  '377d63a45cceea368a2d182e184020b383a9c7bb28dbf8e90b9bba4ec346893f'),
 ('bitnami-wordpress-externaldb',
  '7c74666955b68ed3370529cd0ea73c607ab55a34db60ed2391b0dd6cfd74feb8',
  '3f90efa0bf24f0d560c08916c6def36e1fe06238775b03e4f0e60f4ac0adaa25'),
 ('bitnami-wordpress-ingress-memcached',
  'd9036b518dba9ba4752c19d4f1d55784efc005f8ba0fc918ec1a7a528235a891',
  'e65f65a244d4655e5b1b82fdc1d69ae967e0d5f8e6a594bacb640678fee9df21'),
 ('cert-manager-crds-monitoring',
  '4e811a70dc12a64af7f8b2ae9faaead2e4a5ba5dd513947124e1ba83ace03b9a',
  'd0d030f441f6401c2b07237faff4f045e4200584959086eddb798ec32eb9d840'),
 ('cert-manager-default',
  '53da5ac1fa40539d20148a41303cc46f6372652c147b9c50b228e0485e92bdfb',
  'e927cf07da0faed59bd61f78bb0a4dad8e83df7953abec978c7bda3c9d2a1eba'),
 ('gotmpl-suite-default',
  '8ca48445622b60b0f3646e4a9db3a35fd930431bbf5ebf6ea33f8e415f9e195b',
  'd0c665cd6e2ad62cf0faa16396ef0ee9a7048636077d47468e2bdb1854107bdf'),
 ('gotmpl-suite-overrides',
  '1dfb2e7c380d0a57924bec1aefb6755372f1d5282ac2ebe20e769524fcde301c',
  '9df7f8563704d3f115edb6770d063e876c5c6430572243e3500951bc676ca51e'),
 ('gotmpl-suite-upgrade',
  '33e191054c7722124aec9a8feb35d6afa0617f959ddb1da25ca694f2df6c4d93',
  '5e49a0126561066f3b11ec8c29615349b73ed8501713d01ecd1195361ed8f2a2'),
 ('helm-alpine-default',
  'e24ef779a280ab736c61e39eebc5b0f0e3a831e0246b709b5437800e942047d5',
  'b7866d7fd82700be66b6e715cbb5855b2c1643b068fe909aa35ba986361ddb4f'),
 ('helm-chart-with-lib-dep-default',
  '3f69d7c5be9ec7122afd28863e052d59c742d7c6c2547a2050dac6dc049eba20',
  '01bf8dc14a2941d6192cd2f88b1b170c9eda9b0f296a2254523cffb998889a66'),
 ('helm-chart-with-schema-default',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'),
 ('helm-chart-with-subchart-notes-default',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'),
 ('helm-chart-with-template-lib-archive-dep-default',
  '4fe4321c0d2677724fac82380ac1c65d2697919325605a69d0785e1fa0d6369e',
  '1fe194c0fa8613a3a1fbb454907c0d94d08f8096e10e97a84ccb1571ac0c45c0'),
 ('helm-issue-9027-default',
  '73bf583e15bbf984ac205e7cec632518b439e5d94109dc981d39f4531dbd1064',
  'bcac9ee9bfcd97019a51882e4d40373a6259b356377ab0235359f5cd74e5dac4'),
 ('helm-issue-9027-nulls',
  'e6ce1544b70c86aade5fdb798911bafaed000008d86e45a3667fbbf3a80b406d',
  'bf80a75a770c1e7a0bf303c4a504d6c1b90e68ad771bc5b5fa4f0f78066c9fd2'),
 ('helm-issue1979-extra-values',
  'ERROR: parsing alpine/templates/alpine-pod.yaml: MalformedYAMLError: yaml: line 8: did not find expected '
  'key',
  ''),
 ('helm-object-order-default',
  'b02bf96eb2629a40cfde6c2d6d135574f6149780ac483466698edf43770fb224',
  '402999221fa49f61be916f74cef8fc30ea1baf90c8a605b72b6176b3c04cc1f5'),
 ('helm-subchart-default',
  '123861f5f310fc2f79f852b912bc45d59d26dfaef5547424485266d729fd6bf4',
  '2e8d2f9e327e84a863f25707505405d42ae10832d2ae8c55147c632ec8fb9d9c'),
 ('helm-subchart-extra-values',
  'a6309199538f75c6016eedecd35f5ced9bef43afb34be9f872912fc35bd17e59',
  '82d0045b53dd3cbb009437f5a08a2bd90f6d0ab3b1816178b41b5d1138bc54ca'),
 ('ingress-nginx-daemonset-metrics',
  'e92c64f4b15951341037ea7b9a1c35bacdaa6d3eee423bd43f3a608f97d6c502',
  '214f028d44fad81c92def8768a6f560c6cda99391c24947e3725bbc6319ac07c'),
 ('ingress-nginx-default',
  '123f95cd6f502642623772308ec87286ea6856d6448ebaa75f0e22305c4fb28a',
  'c706a4429f614bc8da1bfff50beeb0127e6e902b22a5aa75cca32202fc04f249'),
 ('ingress-nginx-hpa-defaultbackend',
  'd8fca156190160cb500deda1c1ebe9142bac1b75afabedf14c2e4307dd2fa79f',
  '3492b36d88b3fa5f75eced55b01b89816e62107a66bc9dcb72dc853653334e4a'),
 ('prometheus-custom',
  '3a7bbda2ee6c0ff36290fef0d3bfd8506ebf3d88fb942a6c713ecc493a86ef74',
  '560a217d6d7e5dc206ac90ba9988512c0d79c7c4e7627c125d1dd163550c242e'),
 ('prometheus-default',
  'b96fe0670c03303698a0f9a4a1e9d2e18018cfc7e14203ab4af32a0a219ddff7',
  'b13908b15bd1b444007ad7fa83e77cc7f11070de0bc64791be388455d91a5379'),
 ('prometheus-upgrade',
  '5425bd12feea5318f90d21ae0f9d948b36d9b8f4879dbd5e5cd2a5d512012e70',
  'e55562cf580af1b4067ab02ca1d386e056a2ea801981f2c87f985984374dcc85'),
 ('vault-default',
  '4999e8c0c252ec1623be5c6cb1caaed5a66a55711fb4649408eeb165942da2d3',
  'f94ba92ca36e1ebde68cdb3d3dba5de8ef669a7370744276419e6925bda993e6'),
 ('vault-dev-upgrade',
  '054b0eabb8919440d3bd34ba996a222c735f71860e0e545ef765ded6a9fc852c',
  'd5e9e8045c54efc3e7df540690c120a546b8a7f3694a659bcb620e65d7ebdc48'),
 ('vault-ha-raft',
  'ca9ad4f84246178c0701f1b7f9b1befb31107c40486e938e0a05778d2840b36c',
  'c38b9221dde76e907910428599a0f4db045993d7a83a36c3b106a81edfc0123b')]
# fmt: on
